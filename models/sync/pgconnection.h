#pragma once
// The team server's PostgreSQL client (issue 12, SYNC.md): a thin RAII layer over libpq.
// One PgConnection owns one PGconn, closed on destruction. Statements are parameterised
// (values travel apart from the SQL text, never spliced into it), scripts run as one text,
// COPY streams both ways. Every failure becomes a PgError: a kind the caller can act on and a
// translated sentence that says what failed and where (user@host:port/db), never the password.
#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

struct pg_conn;
struct pg_result;

namespace cockpit::sync {

// The translation context of every message of models/sync.
class Server
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::sync::Server)
};

enum class SslMode {
    VerifyFull, // TLS, the certificate must chain to a trusted root and name the host
    Require,    // TLS, the certificate is not checked (eavesdroppers kept out, impostors not)
    Disable,    // no TLS: only on loopback or a trusted network
};
QString sslModeText(SslMode mode);                   // "verify-full", "require", "disable"
bool sslModeFromText(const QString &text, SslMode *mode);

// Where a server is. The password is never part of the URL form or of any message; empty
// means libpq's own sources (PGPASSWORD, ~/.pgpass), which is how scripts pass it.
struct ServerAddress
{
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString password;
    SslMode sslMode = SslMode::VerifyFull;

    // postgresql://user@host:port/db[?sslmode=verify-full|require|disable]. A password in the
    // URL is refused (it would land in shell history and process lists).
    static bool fromUrl(const QString &url, ServerAddress *out, QString *error);
    QString display() const; // user@host:port/db, the keychain key and every message's "where"
    QString url() const;     // postgresql://user@host:port/db?sslmode=…
};

struct PgError
{
    enum class Kind {
        None,
        Unreachable,      // nothing answers at host:port, or the connection dropped
        BadPassword,      // authentication failed (wrong password, unknown login)
        NotAllowed,       // pg_hba.conf has no entry for this login/host
        NoDatabase,       // the database does not exist
        TlsNameMismatch,  // the certificate names another host
        TlsFailed,        // any other TLS failure (no TLS on the server, untrusted certificate)
        NoRights,         // the login lacks a privilege, or a row-level security policy refused
        SchemaMissing,    // no Sales Cockpit schema on the server
        SchemaOlder,      // the server's schema predates this build: server upgrade
        SchemaNewer,      // the server's schema is newer than this build: update the app
        ChainRefused,     // a pushed log link does not continue the chain the server holds
        Other,
    };
    Kind kind = Kind::None;
    QString sqlState;  // five characters when the server sent one
    QString message;   // translated, for the user
    QString detail;    // the server's or libpq's own text (English), for logs
    bool isError() const { return kind != Kind::None; }
};

// One result, cleared on destruction. Values are text (libpq's text format) unless the
// statement asked for binary results.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *r) : m_r(r) {}
    ~PgResult();
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    PgResult(PgResult &&o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult &operator=(PgResult &&o) noexcept;

    int rows() const;
    int columns() const;
    int column(const char *name) const; // -1 when absent
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    QByteArray bytes(int row, int col) const; // a bytea column's value, decoded
    qint64 toLongLong(int row, int col) const;
    bool toBool(int row, int col) const;
    qint64 affected() const; // rows an INSERT/UPDATE/DELETE touched
    pg_result *handle() const { return m_r; }

private:
    pg_result *m_r = nullptr;
};

class PgConnection
{
public:
    // Connects (10 s timeout); nullptr with `error` set when it cannot.
    static std::unique_ptr<PgConnection> open(const ServerAddress &address, PgError *error);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    const ServerAddress &address() const { return m_address; }
    QString login() const; // the role the server authenticated

    // One statement with $1, $2 … bound from `params` (null QVariant → NULL, QByteArray →
    // bytea, bool, integers and text as text). Rows go to `out` when given.
    bool exec(const QString &sql, const QVariantList &params, PgResult *out, PgError *error);
    bool exec(const QString &sql, PgError *error) { return exec(sql, {}, nullptr, error); }
    // A script of several statements (no parameters), as psql -c would send it.
    bool execScript(const QByteArray &sql, PgError *error);
    // COPY … FROM STDIN: `next` fills the next chunk of COPY text and returns false at the end.
    bool copyIn(const QString &copySql, const std::function<bool(QByteArray *chunk)> &next, qint64 *rows,
                PgError *error);
    // COPY … TO STDOUT: `sink` gets each data row (with its newline); false stops.
    bool copyOut(const QString &copySql, const std::function<bool(const char *data, int size)> &sink,
                 PgError *error);

    // "name" quoted for SQL text (CREATE ROLE and other utility statements take no parameters).
    QString quoteIdentifier(const QString &name) const;
    // The SCRAM-SHA-256 verifier of `password` for `login`, computed here: the clear password
    // never travels to the server nor into its statement log.
    QByteArray scramVerifier(const QString &login, const QByteArray &password, PgError *error) const;

    // The error of a failed statement or connection, classified (public for tests).
    static PgError classify(const ServerAddress &address, const QString &sqlState, const QString &text);

private:
    PgConnection(pg_conn *conn, const ServerAddress &address) : m_conn(conn), m_address(address) {}
    PgError errorOf(pg_result *result) const;

    pg_conn *m_conn = nullptr;
    ServerAddress m_address;
};

// A COPY text field: backslash, tab, newline and carriage return escaped; NULL is \N.
void appendCopyField(QByteArray *line, const QByteArray &utf8);
inline constexpr char kCopyNull[] = "\\N";

} // namespace cockpit::sync
