#!/bin/sh
# 运维手册“五、大厅的服务端和 PostgreSQL”第 1 至 8 步：一台 Debian 12 服务器装成大厅的服务端和 PostgreSQL。
# 下面的命令就是手册里的，按顺序、一字不差（tests/test_hall_setup_script.py 核对；测试的发布一级在一个新装的
# Debian 12 里照样运行它，tests/packaging/test_hall_debian12.py）。
#
# 以 root 运行，在放着 counter 的 .deb 的文件夹里：sh hall-setup.sh
# 运行前照手册把下面这些换成本大厅的：服务器的名字 hall-server 和地址 10.1.2.5，.deb 的文件名，serve.env 里的
# “密码”（第 2 步 createuser 设的那个），站点的编码和名称，账号。createuser 和 counter user add 会问密码。
# 手册里“以 postgres”的几段由 postgres 执行（as_postgres），从不以 root 执行：pg_hba.conf 以 root 写时属于 root，
# PostgreSQL 读不了它（手册第 2 步）。
set -e
as_postgres() {
    # a block of the manual's "以 postgres" steps, run by postgres in its home folder, as after `su - postgres`
    runuser -u postgres -- sh -ec "cd; $1"
}
# 1. 装好服务器（一次，以 root）
apt-get install postgresql                          # Debian 12 的 PostgreSQL 15
apt-get install ./counter_<版本>_amd64.deb           # 程序的 .deb；用离线包时换成 sh install.sh（第四节第 2 步）
id counter >/dev/null 2>&1 || useradd --system --home-dir /var/lib/counter --create-home --shell /usr/sbin/nologin counter
sed -i "s/^#\{0,1\}listen_addresses = .*/listen_addresses = 'localhost,10.1.2.5'/" /etc/postgresql/15/main/postgresql.conf
systemctl restart postgresql

# 2. 建库，只许服务端连接（一次，以 postgres）
as_postgres "$(cat <<'AS_POSTGRES'
createuser --pwprompt counter                 # 服务端的角色：表的所有者，升级和管理员命令也用它（不是超级用户）
createdb -O counter -E UTF8 counter           # 数据库，所有者是 counter
psql -c 'REVOKE CONNECT ON DATABASE counter FROM PUBLIC'   # 其他角色都连不上这个库
AS_POSTGRES
)"
as_postgres "$(cat <<'AS_POSTGRES'
cd /etc/postgresql/15/main
cp -p pg_hba.conf pg_hba.conf.debian
cat > pg_hba.conf <<'END'
# 大厅的 counter：只有本机的数据库管理员 postgres，和服务端的角色 counter（加密、要密码）
local    all      postgres                   peer
hostssl  counter  counter   10.1.2.5/32      scram-sha-256
END
psql -c 'SELECT pg_reload_conf()'
AS_POSTGRES
)"

# 3. 加密连接：大厅自己的证书（一次）
as_postgres "$(cat <<'AS_POSTGRES'
cd /var/lib/postgresql/15/main
umask 077
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj '/CN=hall-ca' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' -keyout hall-ca.key -out hall-ca.crt
openssl req -newkey rsa:3072 -nodes -subj '/CN=hall-server' -keyout server.key -out server.csr
printf 'subjectAltName=DNS:hall-server\n' > server.ext
openssl x509 -req -in server.csr -CA hall-ca.crt -CAkey hall-ca.key -CAcreateserial -days 825 -extfile server.ext -out server.crt
chmod 644 hall-ca.crt server.crt
psql -c "ALTER SYSTEM SET ssl = on" -c "ALTER SYSTEM SET ssl_cert_file = 'server.crt'" -c "ALTER SYSTEM SET ssl_key_file = 'server.key'" -c "SELECT pg_reload_conf()"
AS_POSTGRES
)"
mkdir -p /etc/counter
cd /var/lib/postgresql/15/main
install -m 0644 hall-ca.crt /etc/counter/hall-ca.crt
install -m 0644 server.crt /etc/counter/hall-server.crt
install -m 0600 server.key /etc/counter/hall-server.key

# 4. 服务端的数据库地址（一次，以 root）
umask 077
cat > /etc/counter/serve.env <<'END'
COUNTER_DB_URL='postgresql+psycopg://counter:密码@hall-server/counter?sslmode=verify-full&sslrootcert=/etc/counter/hall-ca.crt'
COUNTER_HOME=/var/lib/counter
END
chmod 600 /etc/counter/serve.env

# 5. 建表，设置本站点（一次，以 root）
set -a; . /etc/counter/serve.env; set +a
runuser -u counter -- counter db upgrade
runuser -u counter -- counter site init --code XAM01 --name 兴安盟政务服务中心 --kind hall

# 6. 第一个管理员和账号（以 root，在上一步读入了 serve.env 的 shell 里）
runuser -u counter -- counter user add wulan --name 乌兰 --role admin --role clerk
runuser -u counter -- counter --user wulan user add bater --name 巴特尔 --role clerk --staff-no 0817
runuser -u counter -- counter --user wulan user add zhangli --name 张丽 --role department --department 兴安盟市场监督管理局
runuser -u counter -- counter --user wulan user list

# 7. 登记每台窗口电脑（以 root，在读入了 serve.env 的 shell 里）
cd
umask 077
runuser -u counter -- counter serve add-desk --desk 8 > desk-8.key

# 8. 启动服务端（以 root）
systemctl enable --now counter-serve.service
systemctl status counter-serve.service
