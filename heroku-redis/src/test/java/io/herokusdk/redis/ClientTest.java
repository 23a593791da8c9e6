package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.lettuce.core.TransactionResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RedisExtension.class)
class ClientTest {

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void setsAndGetsOnTheDatabaseFromTheUrlPath(boolean tls, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, tls)) {
      String key = testRedis.key("greeting-" + tls);
      redis.sync().set(key, "hello");
      String value = redis.execute(r -> r.get(key));
      assertThat(value).isEqualTo("hello");
      assertThat(redis.sync().clientInfo()).contains(" db=" + testRedis.dbIndex() + " ");
      assertThat(redis.configVar()).isEqualTo(tls ? "REDIS_TLS_URL" : "REDIS_URL");
      assertThat(redis.endpoint())
          .isEqualTo("127.0.0.1:" + (tls ? testRedis.tlsPort() : testRedis.port()));
    }
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void runsTransactionsAndBlockingCommandsOnPooledConnections(boolean tls, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, tls)) {
      String counter = testRedis.key("tx-counter-" + tls);
      long sharedId = redis.sync().clientId();
      TransactionResult result = redis.transaction(tx -> {
        tx.incr(counter);
        tx.incrby(counter, 10);
      });
      assertThat(result.wasDiscarded()).isFalse();
      assertThat(List.of(result.get(0), result.get(1))).containsExactly(1L, 11L);

      long pooledId = redis.withDedicatedConnection(r -> r.clientId());
      assertThat(pooledId).isNotEqualTo(sharedId);
      String list = testRedis.key("list-" + tls);
      redis.sync().rpush(list, "x");
      assertThat(redis.withDedicatedConnection(r -> r.blpop(1, list)).getValue()).isEqualTo("x");

      assertThatThrownBy(() -> redis.transaction(tx -> {
        tx.set(counter, "overwritten");
        throw new IllegalStateException("changed my mind");
      })).hasMessage("changed my mind");
      assertThat(redis.sync().get(counter)).isEqualTo("11");
    }
  }

  @Test
  void percentDecodesAclUserAndPassword(TestRedis testRedis) {
    String user = "app@" + UUID.randomUUID().toString().substring(0, 8);
    String password = "p@ss:w/rd%" + UUID.randomUUID();
    try (HerokuRedis admin = Fixtures.open(testRedis, false)) {
      admin.sync().aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on()
          .addPassword(password).allCommands().allKeys());
      try {
        String url = "redis://" + SecretCanary.percentEncode(user) + ":"
            + SecretCanary.percentEncode(password) + "@127.0.0.1:" + testRedis.port() + "/"
            + testRedis.dbIndex();
        try (HerokuRedis asUser = HerokuRedis.fromConfig(ConfigVars.of(Map.of("REDIS_URL", url)))) {
          assertThat(asUser.sync().aclWhoami()).isEqualTo(user);
        }
      } finally {
        admin.sync().aclDeluser(user);
      }
    }
  }

  @Test
  void closeReleasesEveryConnection(TestRedis testRedis) throws Exception {
    try (HerokuRedis observer = Fixtures.open(testRedis, false)) {
      HerokuRedis redis = Fixtures.open(testRedis, true);
      long shared = redis.sync().clientId();
      long pooled = redis.withDedicatedConnection(r -> r.clientId());
      redis.pubSub().subscribe(testRedis.key("close-channel"), (c, m) -> { });
      assertThat(observer.sync().clientList()).contains("id=" + shared + " ", "id=" + pooled + " ");
      long before = countPubSubClients(observer);
      assertThat(before).isPositive();

      redis.close();

      Fixtures.await(java.time.Duration.ofSeconds(10), () -> {
        String clients = observer.sync().clientList();
        return !clients.contains("id=" + shared + " ") && !clients.contains("id=" + pooled + " ")
            && countPubSubClients(observer) == before - 1;
      });
      assertThatThrownBy(redis::sync).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(redis.toString()).contains("closed");
    }
  }

  private static long countPubSubClients(HerokuRedis observer) {
    return observer.sync().clientList().lines().filter(l -> l.contains(" sub=1 ")).count();
  }

  @Test
  void verifiesTheServerAgainstAGivenPem(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.builder(testRedis, true)
        .tls(TlsVerification.trustPem(testRedis.caCertificatePem())).build()) {
      assertThat(redis.sync().ping()).isEqualTo("PONG");
    }
    try (HerokuRedis redis = Fixtures.builder(testRedis, true)
        .tls(TlsVerification.full(testRedis.caCertificatePem())).build()) {
      assertThat(redis.sync().ping()).isEqualTo("PONG");
    }
    ConfigVars viaVars = ConfigVars.of(Map.of("REDIS_URL", testRedis.tlsUrl(),
        "REDIS_TLS_CA_PEM", testRedis.caCertificatePem()));
    try (HerokuRedis redis = HerokuRedis.fromConfig(viaVars)) {
      assertThat(redis.sync().ping()).isEqualTo("PONG");
    }
  }

  @Test
  void fullVerificationAgainstTheWrongCaFailsClearly(TestRedis testRedis) {
    assertThatThrownBy(() -> Fixtures.builder(testRedis, true)
        .tls(TlsVerification.full()).build())
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("Could not connect to Redis at 127.0.0.1:" + testRedis.tlsPort())
        .hasMessageContaining("TLS certificate was not accepted with verification mode FULL")
        .hasMessageContaining("REDIS_TLS_CA_PEM");

    try (RedisServer other = TestServices.dedicatedRedis()) {
      other.restartWithNewCertificate();  // dedicated servers start with the shared certificate
      assertThat(other.caCertificatePem()).isNotEqualTo(testRedis.caCertificatePem());
      assertThatThrownBy(() -> Fixtures.builder(testRedis, true)
          .tls(TlsVerification.full(other.caCertificatePem())).build())
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("TLS certificate was not accepted");
      assertThatThrownBy(() -> Fixtures.builder(testRedis, true)
          .tls(TlsVerification.trustPem(other.caCertificatePem())).build())
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("verification mode CA");
    }
  }

  @Test
  void plainTextClientAgainstTheTlsPortFailsClearly(TestRedis testRedis) {
    String url = "redis://:" + SecretCanary.percentEncode(testRedis.password().reveal())
        + "@127.0.0.1:" + testRedis.port() + "/" + testRedis.dbIndex();
    // rediss:// against the plain port: the handshake cannot succeed.
    String wrong = url.replace("redis://", "rediss://");
    assertThatThrownBy(() -> HerokuRedis.builder()
        .configVars(ConfigVars.of(Map.of("REDIS_URL", wrong)))
        .connectTimeout(java.time.Duration.ofSeconds(3)).build())
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("Could not connect to Redis at 127.0.0.1:" + testRedis.port());
  }

  @Test
  void wrongPasswordSaysThePasswordWasRejected(TestRedis testRedis) {
    String url = "rediss://:wrong-password-123@127.0.0.1:" + testRedis.tlsPort() + "/0";
    assertThatThrownBy(() -> HerokuRedis.fromConfig(ConfigVars.of(Map.of("REDIS_URL", url))))
        .isInstanceOf(RedisAuthenticationException.class)
        .hasMessageContaining("the server rejected the password from REDIS_URL (WRONGPASS)")
        .hasMessageNotContaining("rotat")
        .hasMessageNotContaining("wrong-password-123");
  }
}
