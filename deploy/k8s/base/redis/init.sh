#!/bin/sh
# Writes this pod's redis.conf and sentinel.conf before Redis starts. The master is the one the sentinels
# name (after a failover that is no longer redis-0); when no sentinel answers (first start of the set),
# redis-0 is the master. Pods are addressed by their stable names in the headless Service.
set -eu
self="$(hostname).redis-headless"
master=$(timeout 5 redis-cli -h redis-sentinel -p 26379 --raw sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1 || true)
[ -n "$master" ] || master="redis-0.redis-headless"
echo "this pod: $self; master: $master"

cp /config/redis.conf /run/redis/redis.conf
{
  echo "replica-announce-ip $self"
  # A master cut off from every replica refuses writes after 10 s: that bounds what a failover can lose.
  echo "min-replicas-to-write $MIN_REPLICAS_TO_WRITE"
  echo "min-replicas-max-lag 10"
  [ "$master" = "$self" ] || echo "replicaof $master 6379"
} >>/run/redis/redis.conf

cat >/run/redis/sentinel.conf <<CONF
port 26379
dir /run/redis
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $self
sentinel monitor $MASTER_NAME $master 6379 $SENTINEL_QUORUM
sentinel down-after-milliseconds $MASTER_NAME 5000
sentinel failover-timeout $MASTER_NAME 30000
sentinel parallel-syncs $MASTER_NAME 1
CONF
