-- Sales Cockpit team server, schema version 2: the anchor of each desktop's activity-log hash
-- chain (storage/logchain.h). A file holding its own chain head can be cut and its head
-- rolled back unseen; the server keeps the head out of the file's reach. Each desktop (client
-- id) pushes the links it appends — (seq, prev_hash, hash), optionally the record's canonical
-- bytes — through cockpit.push_chain_link, which accepts a link only if it continues the chain
-- the server holds; `verify-log` against the server then compares the file's head with it.
-- Logins never write these tables directly: only the function (SECURITY DEFINER) does.

CREATE TABLE cockpit.chain_heads (
    client_id uuid PRIMARY KEY,
    login name NOT NULL,
    seq bigint NOT NULL,
    hash bytea NOT NULL CHECK (length(hash) = 32),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cockpit.chain_links (
    client_id uuid NOT NULL REFERENCES cockpit.chain_heads(client_id) DEFERRABLE INITIALLY DEFERRED,
    seq bigint NOT NULL CHECK (seq >= 0),
    prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash bytea NOT NULL CHECK (length(hash) = 32),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, seq)
);

-- Accepts the link (p_seq, p_prev, p_hash) of p_client's chain. The first link a client pushes
-- anchors its chain (seq 0 must start from 32 zero bytes; a file that had a chain before it
-- connected anchors at its head). Afterwards a link must be seq = head + 1 with prev = the
-- held head's hash. A link already held with the same hash is accepted again (a retried push)
-- and returns false; anything else is refused with SQLSTATE CK001 (a gap, a fork, a rewritten
-- or rolled-back chain) or CK002 (another login's chain). With p_record, the hash must also be
-- SHA-256("cockpit-log-v1" || prev || record), the chain's own formula. Returns true when the
-- head moved.
CREATE FUNCTION cockpit.push_chain_link(p_client uuid, p_seq bigint, p_prev bytea, p_hash bytea,
                                        p_record bytea DEFAULT NULL)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    head cockpit.chain_heads%ROWTYPE;
    held bytea;
BEGIN
    IF p_seq IS NULL OR p_seq < 0 OR length(p_prev) <> 32 OR length(p_hash) <> 32 THEN
        RAISE EXCEPTION 'chain link % of client % is malformed', p_seq, p_client USING ERRCODE = 'CK001';
    END IF;
    IF p_record IS NOT NULL AND sha256(convert_to('cockpit-log-v1', 'UTF8') || p_prev || p_record) <> p_hash THEN
        RAISE EXCEPTION 'chain link % of client %: the hash does not match the record', p_seq, p_client
            USING ERRCODE = 'CK001';
    END IF;
    SELECT * INTO head FROM cockpit.chain_heads WHERE client_id = p_client FOR UPDATE;
    IF NOT FOUND THEN
        IF p_seq = 0 AND p_prev <> '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea THEN
            RAISE EXCEPTION 'chain link 0 of client % does not start the chain', p_client USING ERRCODE = 'CK001';
        END IF;
        INSERT INTO cockpit.chain_heads (client_id, login, seq, hash) VALUES (p_client, session_user, p_seq, p_hash);
        INSERT INTO cockpit.chain_links (client_id, seq, prev_hash, hash) VALUES (p_client, p_seq, p_prev, p_hash);
        RETURN true;
    END IF;
    IF head.login <> session_user AND NOT pg_has_role(session_user, 'cockpit_director', 'MEMBER') THEN
        RAISE EXCEPTION 'the chain of client % belongs to login %', p_client, head.login USING ERRCODE = 'CK002';
    END IF;
    IF p_seq <= head.seq THEN
        SELECT hash INTO held FROM cockpit.chain_links WHERE client_id = p_client AND seq = p_seq;
        IF held = p_hash THEN
            RETURN false;
        END IF;
        RAISE EXCEPTION 'chain link % of client % differs from the link the server holds (head %): the chain was rewritten or rolled back',
            p_seq, p_client, head.seq USING ERRCODE = 'CK001';
    END IF;
    IF p_seq <> head.seq + 1 THEN
        RAISE EXCEPTION 'chain link % of client % leaves a gap after the held head %', p_seq, p_client, head.seq
            USING ERRCODE = 'CK001';
    END IF;
    IF p_prev <> head.hash THEN
        RAISE EXCEPTION 'chain link % of client % does not continue the held head % (its previous hash differs)',
            p_seq, p_client, head.seq USING ERRCODE = 'CK001';
    END IF;
    INSERT INTO cockpit.chain_links (client_id, seq, prev_hash, hash) VALUES (p_client, p_seq, p_prev, p_hash);
    UPDATE cockpit.chain_heads SET seq = p_seq, hash = p_hash, updated_at = now() WHERE client_id = p_client;
    RETURN true;
END $$;

-- The head the server holds for a client (no row: nothing anchored yet).
CREATE FUNCTION cockpit.chain_head(p_client uuid, OUT seq bigint, OUT hash bytea)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT seq, hash FROM cockpit.chain_heads
    WHERE client_id = p_client AND (login = session_user OR pg_has_role(session_user, 'cockpit_director', 'MEMBER')) $$;

ALTER TABLE cockpit.chain_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.chain_heads FORCE ROW LEVEL SECURITY;
ALTER TABLE cockpit.chain_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.chain_links FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cockpit.chain_heads FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON cockpit.chain_links FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);
REVOKE ALL ON FUNCTION cockpit.push_chain_link(uuid, bigint, bytea, bytea, bytea), cockpit.chain_head(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cockpit.push_chain_link(uuid, bigint, bytea, bytea, bytea), cockpit.chain_head(uuid) TO cockpit_app;
