package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class DiagnosticsTest {
  private static final String VALKEY_INFO = String.join("\r\n",
      "# Server",
      "redis_version:7.2.4",
      "server_name:valkey",
      "valkey_version:7.2.8",
      "uptime_in_seconds:86400",
      "",
      "# Clients",
      "connected_clients:17",
      "",
      "# Memory",
      "used_memory:26214400",
      "maxmemory:52428800",
      "maxmemory_policy:noeviction",
      "",
      "# Stats",
      "evicted_keys:3",
      "keyspace_hits:300",
      "keyspace_misses:100",
      "",
      "# Keyspace",
      "db0:keys=10,expires=2,avg_ttl=0",
      "");

  @Test
  void parsesInfoText() {
    RedisInfo info = RedisInfo.parse(VALKEY_INFO);
    assertThat(info.version()).isEqualTo("7.2.8");
    assertThat(info.uptimeSeconds()).isEqualTo(86400);
    assertThat(info.connectedClients()).isEqualTo(17);
    assertThat(info.usedMemoryBytes()).isEqualTo(26214400);
    assertThat(info.maxMemoryBytes()).isEqualTo(52428800);
    assertThat(info.memoryUsageRatio()).hasValue(0.5);
    assertThat(info.maxMemoryPolicy()).contains("noeviction");
    assertThat(info.isNoEviction()).isTrue();
    assertThat(info.evictedKeys()).isEqualTo(3);
    assertThat(info.keyspaceHitRatio()).hasValue(0.75);
    assertThat(info.fields()).containsEntry("db0", "keys=10,expires=2,avg_ttl=0");

    RedisInfo empty = RedisInfo.parse("# Server\r\nredis_version:6.2.0\r\nmaxmemory:0\r\n");
    assertThat(empty.memoryUsageRatio()).isEmpty();
    assertThat(empty.keyspaceHitRatio()).isEmpty();
    assertThat(empty.maxMemoryPolicy()).isEmpty();
    assertThatThrownBy(() -> RedisInfo.parse("used_memory:lots"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used_memory");
  }

  @Test
  void readsLiveStatsFromTheServer(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, true)) {
      String key = testRedis.key("hit");
      redis.sync().set(key, "1");
      RedisInfo before = redis.diagnostics().info();
      redis.sync().get(key);
      redis.sync().get(key);
      redis.sync().get(testRedis.key("miss"));
      RedisInfo after = redis.diagnostics().info();

      assertThat(after.version()).startsWith("6.2");
      assertThat(after.connectedClients()).isPositive();
      assertThat(after.usedMemoryBytes()).isPositive();
      assertThat(after.keyspaceHits() - before.keyspaceHits()).isGreaterThanOrEqualTo(2);
      assertThat(after.keyspaceMisses() - before.keyspaceMisses()).isGreaterThanOrEqualTo(1);
      assertThat(after.keyspaceHitRatio()).isPresent();
      assertThat(after.maxMemoryPolicy()).isPresent();
    }
  }

  @Test
  void warnsWhenMemoryIsNearlyFull() {
    try (RedisServer server = TestServices.dedicatedRedis();
        HerokuRedis redis = Fixtures.builder(server, false).build()) {
      redis.sync().configSet("maxmemory-policy", "allkeys-lru");
      long used = redis.diagnostics().info().usedMemoryBytes();
      redis.sync().configSet("maxmemory", Long.toString(used + used / 20));
      RedisInfo info = redis.diagnostics().info();
      assertThat(info.memoryUsageRatio().getAsDouble()).isGreaterThan(0.9);
      assertThat(redis.diagnostics().warnings())
          .singleElement().asString().contains("of its maxmemory");
    }
  }
}
