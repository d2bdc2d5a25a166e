#include "sync/pgconnection.h"

#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <vector>

namespace cockpit::sync {

QString sslModeText(SslMode mode)
{
    switch (mode) {
    case SslMode::VerifyFull: return QStringLiteral("verify-full");
    case SslMode::Require: return QStringLiteral("require");
    case SslMode::Disable: return QStringLiteral("disable");
    }
    return {};
}

bool sslModeFromText(const QString &text, SslMode *mode)
{
    for (SslMode m : {SslMode::VerifyFull, SslMode::Require, SslMode::Disable}) {
        if (text == sslModeText(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

bool ServerAddress::fromUrl(const QString &text, ServerAddress *out, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))) {
        *error = Server::tr("\"%1\" is not a server address like postgresql://user@host:5432/database").arg(text);
        return false;
    }
    if (!url.password().isEmpty()) {
        *error = Server::tr("the address %1 holds a password; leave it out and give it through PGPASSWORD or "
                            "~/.pgpass (or the keychain), so it lands in no history or process list")
                     .arg(url.toString(QUrl::RemovePassword));
        return false;
    }
    ServerAddress a;
    a.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    a.port = url.port(5432);
    a.database = url.path().mid(1);
    a.user = url.userName();
    if (a.database.isEmpty() || a.user.isEmpty()) {
        *error = Server::tr("the address %1 must name a user and a database: postgresql://user@host:5432/database")
                     .arg(text);
        return false;
    }
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("sslmode"))) {
        const QString mode = query.queryItemValue(QStringLiteral("sslmode"));
        if (!sslModeFromText(mode, &a.sslMode)) {
            *error = Server::tr("sslmode \"%1\" in %2 is not one of verify-full, require or disable").arg(mode, text);
            return false;
        }
    }
    *out = a;
    return true;
}

QString ServerAddress::display() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString ServerAddress::url() const
{
    return QStringLiteral("postgresql://%1?sslmode=%2").arg(display(), sslModeText(sslMode));
}

// ---- results

PgResult::~PgResult()
{
    if (m_r)
        PQclear(m_r);
}

PgResult &PgResult::operator=(PgResult &&o) noexcept
{
    if (this != &o) {
        if (m_r)
            PQclear(m_r);
        m_r = o.m_r;
        o.m_r = nullptr;
    }
    return *this;
}

int PgResult::rows() const { return m_r ? PQntuples(m_r) : 0; }
int PgResult::columns() const { return m_r ? PQnfields(m_r) : 0; }
int PgResult::column(const char *name) const { return m_r ? PQfnumber(m_r, name) : -1; }
bool PgResult::isNull(int row, int col) const { return !m_r || PQgetisnull(m_r, row, col); }

QString PgResult::text(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}

QByteArray PgResult::bytes(int row, int col) const
{
    if (isNull(row, col))
        return {};
    size_t size = 0;
    unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(PQgetvalue(m_r, row, col)), &size);
    QByteArray out(reinterpret_cast<const char *>(raw), qsizetype(size));
    PQfreemem(raw);
    return out;
}

qint64 PgResult::toLongLong(int row, int col) const { return text(row, col).toLongLong(); }
bool PgResult::toBool(int row, int col) const { return text(row, col) == QLatin1String("t"); }

qint64 PgResult::affected() const
{
    return m_r ? QByteArray(PQcmdTuples(m_r)).toLongLong() : 0;
}

// ---- errors

PgError PgConnection::classify(const ServerAddress &a, const QString &sqlState, const QString &rawText)
{
    PgError e;
    e.sqlState = sqlState;
    e.detail = rawText.trimmed();
    const QString where = a.display();
    const QString t = e.detail;
    const QString first = t.section(QLatin1Char('\n'), 0, 0);
    auto has = [&](const char *s) { return t.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (sqlState == QLatin1String("28P01") || has("password authentication failed") || has("no password supplied")
        || has("SCRAM authentication")) {
        e.kind = PgError::Kind::BadPassword;
        e.message = has("no password supplied")
                        ? Server::tr("The server %1 asks for a password and none was given (keychain, PGPASSWORD or "
                                     "~/.pgpass).").arg(where)
                        : Server::tr("The server %1 refused the password for the login %2 (or there is no such "
                                     "login).").arg(where, a.user);
    } else if (has("does not match host name")) {
        e.kind = PgError::Kind::TlsNameMismatch;
        e.message = Server::tr("The TLS certificate of the server at %1:%2 is made out for another host name, so it "
                               "cannot be trusted to be the server %3 (%4). Connect by the name on the "
                               "certificate, or have the administrator issue one for %1.")
                        .arg(a.host).arg(a.port).arg(where, first);
    } else if (has("SSL") || has("certificate") || has("TLS")) {
        e.kind = PgError::Kind::TlsFailed;
        e.message = Server::tr("A secure (TLS) connection to %1 with sslmode %2 failed: %3. verify-full needs the "
                               "server's root certificate in ~/.postgresql/root.crt (or PGSSLROOTCERT); require "
                               "encrypts without checking it; disable is for a server on this computer or a trusted "
                               "network only.")
                        .arg(where, sslModeText(a.sslMode), first);
    } else if (sqlState == QLatin1String("3D000") || (has("database") && has("does not exist"))) {
        e.kind = PgError::Kind::NoDatabase;
        e.message = Server::tr("The server at %1:%2 has no database \"%3\".").arg(a.host).arg(a.port).arg(a.database);
    } else if (has("pg_hba.conf")) {
        e.kind = PgError::Kind::NotAllowed;
        e.message = Server::tr("The server %1 does not let the login %2 connect from this computer (no pg_hba.conf "
                               "entry); ask its administrator.").arg(where, a.user);
    } else if (sqlState == QLatin1String("42501")) {
        e.kind = PgError::Kind::NoRights;
        e.message = Server::tr("The login %1 has no right to do this on %2: %3").arg(a.user, where, first);
    } else if (sqlState == QLatin1String("CK001") || sqlState == QLatin1String("CK002")) {
        e.kind = PgError::Kind::ChainRefused;
        e.message = Server::tr("The server %1 refused a link of the activity log: %2").arg(where, first);
    } else if (sqlState.startsWith(QLatin1String("08")) || sqlState == QLatin1String("57P01") || has("Connection refused")
               || has("could not connect") || has("server closed the connection") || has("timeout expired")
               || has("could not translate host name") || has("no connection to the server")) {
        e.kind = PgError::Kind::Unreachable;
        e.message = Server::tr("No PostgreSQL server answers at %1:%2 for %3: %4").arg(a.host).arg(a.port).arg(where, first);
    } else {
        e.kind = PgError::Kind::Other;
        e.message = Server::tr("The server %1 reported an error: %2").arg(where, first);
    }
    return e;
}

PgError PgConnection::errorOf(pg_result *result) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *text = result ? PQresultErrorMessage(result) : nullptr;
    if (!text || !*text)
        text = PQerrorMessage(m_conn);
    return classify(m_address, QString::fromLatin1(state ? state : ""), QString::fromUtf8(text));
}

// ---- connection

std::unique_ptr<PgConnection> PgConnection::open(const ServerAddress &address, PgError *error)
{
    const QByteArray host = address.host.toUtf8(), port = QByteArray::number(address.port),
                     db = address.database.toUtf8(), user = address.user.toUtf8(),
                     password = address.password.toUtf8(), ssl = sslModeText(address.sslMode).toUtf8();
    std::vector<const char *> keys{"host", "port", "dbname", "user", "sslmode", "connect_timeout",
                                   "application_name", "client_encoding"};
    std::vector<const char *> values{host.constData(), port.constData(), db.constData(), user.constData(),
                                     ssl.constData(), "10", "sales-cockpit", "UTF8"};
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(password.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn *conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        if (error)
            *error = classify(address, {}, conn ? QString::fromUtf8(PQerrorMessage(conn)) : QStringLiteral("out of memory"));
        if (conn)
            PQfinish(conn);
        return nullptr;
    }
    // Notices (NOTICE: relation exists, skipping …) are not for the user.
    PQsetNoticeProcessor(conn, [](void *, const char *) {}, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(conn, address));
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

QString PgConnection::login() const
{
    return QString::fromUtf8(PQuser(m_conn));
}

QString PgConnection::quoteIdentifier(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString out = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return out;
}

QByteArray PgConnection::scramVerifier(const QString &login, const QByteArray &password, PgError *error) const
{
    char *v = PQencryptPasswordConn(m_conn, password.constData(), login.toUtf8().constData(), "scram-sha-256");
    if (!v) {
        if (error)
            *error = classify(m_address, {}, QString::fromUtf8(PQerrorMessage(m_conn)));
        return {};
    }
    QByteArray out(v);
    PQfreemem(v);
    return out;
}

bool PgConnection::exec(const QString &sql, const QVariantList &params, PgResult *out, PgError *error)
{
    std::vector<QByteArray> storage;
    storage.reserve(params.size());
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    for (const QVariant &v : params) {
        if (v.isNull()) {
            storage.emplace_back();
            values.push_back(nullptr);
            lengths.push_back(0);
            formats.push_back(0);
            continue;
        }
        if (v.typeId() == QMetaType::QByteArray) {
            storage.push_back(v.toByteArray());
            formats.push_back(1); // bytea, binary: no escaping
        } else if (v.typeId() == QMetaType::Bool) {
            storage.push_back(v.toBool() ? QByteArray("t") : QByteArray("f"));
            formats.push_back(0);
        } else {
            storage.push_back(v.toString().toUtf8());
            formats.push_back(0);
        }
        values.push_back(storage.back().constData());
        lengths.push_back(int(storage.back().size()));
    }
    PgResult result(PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(),
                                 lengths.data(), formats.data(), 0));
    const auto status = PQresultStatus(result.handle());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        if (error)
            *error = errorOf(result.handle());
        return false;
    }
    if (error)
        *error = {};
    if (out)
        *out = std::move(result);
    return true;
}

bool PgConnection::execScript(const QByteArray &sql, PgError *error)
{
    // PQexec returns the last statement's result only; an error stops the script there.
    PgResult result(PQexec(m_conn, sql.constData()));
    const auto status = PQresultStatus(result.handle());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        if (error)
            *error = errorOf(result.handle());
        return false;
    }
    return true;
}

bool PgConnection::copyIn(const QString &copySql, const std::function<bool(QByteArray *)> &next, qint64 *rows,
                          PgError *error)
{
    {
        PgResult start(PQexec(m_conn, copySql.toUtf8().constData()));
        if (PQresultStatus(start.handle()) != PGRES_COPY_IN) {
            if (error)
                *error = errorOf(start.handle());
            return false;
        }
    }
    QByteArray chunk;
    bool ok = true;
    while (true) {
        chunk.clear();
        const bool more = next(&chunk);
        if (!chunk.isEmpty() && PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) != 1) {
            ok = false;
            break;
        }
        if (!more)
            break;
    }
    PQputCopyEnd(m_conn, ok ? nullptr : "the client stopped");
    bool done = ok;
    while (pg_result *r = PQgetResult(m_conn)) {
        PgResult res(r);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            if (error && done)
                *error = errorOf(r);
            done = false;
        } else if (rows) {
            *rows = res.affected();
        }
    }
    if (!ok && error && !error->isError())
        *error = errorOf(nullptr);
    return done;
}

bool PgConnection::copyOut(const QString &copySql, const std::function<bool(const char *, int)> &sink, PgError *error)
{
    {
        PgResult start(PQexec(m_conn, copySql.toUtf8().constData()));
        if (PQresultStatus(start.handle()) != PGRES_COPY_OUT) {
            if (error)
                *error = errorOf(start.handle());
            return false;
        }
    }
    bool keep = true;
    char *buffer = nullptr;
    int n = 0;
    while ((n = PQgetCopyData(m_conn, &buffer, 0)) > 0) {
        if (keep)
            keep = sink(buffer, n);
        PQfreemem(buffer);
    }
    bool ok = n == -1;
    while (pg_result *r = PQgetResult(m_conn)) {
        PgResult res(r);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            if (error && ok)
                *error = errorOf(r);
            ok = false;
        }
    }
    return ok && keep;
}

void appendCopyField(QByteArray *line, const QByteArray &utf8)
{
    line->reserve(line->size() + utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '\\': line->append("\\\\"); break;
        case '\t': line->append("\\t"); break;
        case '\n': line->append("\\n"); break;
        case '\r': line->append("\\r"); break;
        default: line->append(c);
        }
    }
}

} // namespace cockpit::sync
