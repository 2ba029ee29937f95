#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on 127.0.0.1 with TLS, for the server pass of the test suite.
#   tools/pg_test_cluster.sh start DIR [PORT]   makes a test CA and a server certificate, initdb, starts;
#                                               writes DIR/env (source it: BVCT_TEST_PG, PGPASSWORD…)
#   tools/pg_test_cluster.sh stop DIR
# Run as root, the cluster runs as the `postgres` system user (the distribution's packages make it);
# run as anyone else, it runs as that user. Nothing listens beyond the loopback address.
set -euo pipefail
action=${1:?start|stop}
dir=$(realpath -m "${2:?DIR}")
port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$action" = stop ]; then
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  exit 0
fi

rm -rf "$dir" && mkdir -p "$dir/tls"
cd "$dir/tls"
# The test CA and the server's certificate for 127.0.0.1 and localhost (verify-full checks the name).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=BVCT test CA" -keyout ca.key -out ca.crt \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile ext -out server.crt 2>/dev/null
chmod 600 server.key
password=$(openssl rand -hex 16)
printf '%s\n' "$password" > superuser.pw
if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
as_owner "$bin/initdb" -D "$dir/data" -U bvct_test --pwfile="$dir/tls/superuser.pw" -A scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$dir/tls/server.crt'
ssl_key_file = '$dir/tls/server.key'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
CONF
cat > "$dir/data/pg_hba.conf" <<HBA
hostssl all all 127.0.0.1/32 scram-sha-256
host    all all 127.0.0.1/32 scram-sha-256
HBA
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
cat > "$dir/env" <<ENV
export BVCT_TEST_PG='postgresql://127.0.0.1:$port/postgres?sslmode=verify-full&sslrootcert=$dir/tls/ca.crt'
export BVCT_TEST_PG_SUPERUSER=bvct_test
export BVCT_TEST_PG_SUPERUSER_PASSWORD=$password
ENV
chmod 644 "$dir/env" "$dir/tls/ca.crt"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port with TLS; source $dir/env"
