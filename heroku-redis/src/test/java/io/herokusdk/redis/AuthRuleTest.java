package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.lettuce.core.AclSetuserArgs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Redis auth rule against a real server with only {@code requirepass} (embedded Redis 6.2,
 * where {@code AUTH h PASSWORD} answers WRONGPASS as on Redis 7 and Valkey), of this class's own
 * so it can be restarted.
 */
@Timeout(120)
class AuthRuleTest {
  @RegisterExtension static final DedicatedServer dedicated = new DedicatedServer();

  /** {@code redis://USER:PASSWORD@127.0.0.1:PORT/0} or its rediss:// twin. */
  private static String url(String user, String password, boolean tls) {
    return (tls ? "rediss://" : "redis://") + user + ":" + SecretCanary.percentEncode(password)
        + "@127.0.0.1:" + (tls ? dedicated.server().tlsPort() : dedicated.server().port()) + "/0";
  }

  private static HerokuRedis open(String url) {
    return HerokuRedis.fromConfig(ConfigVars.of(Map.of("REDIS_URL", url)));
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void anOldHerokuUrlWithUserHWorksAgainstARequirepassOnlyServerAlsoAfterReconnects(boolean tls)
      throws Exception {
    try (LogCapture logs = LogCapture.start();
        HerokuRedis redis = open(url("h", dedicated.server().password().reveal(), tls))) {
      assertThat(redis.sync().aclWhoami()).isEqualTo("default");
      assertThat(logs.text()).contains("names user 'h' (Heroku's older URL form)")
          .doesNotContain(dedicated.server().password().reveal());
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      redis.pubSub().subscribe("auth-rule", (channel, message) -> received.add(message));
      long sharedBefore = redis.sync().clientId();

      dedicated.server().restart();

      // Every kind of connection authenticates again on its own: shared, pooled, pub/sub.
      Fixtures.await(Duration.ofSeconds(30), () -> "PONG".equals(redis.sync().ping()));
      assertThat(redis.sync().clientId()).isNotEqualTo(sharedBefore);
      String shared = redis.execute(r -> r.aclWhoami());
      String pooled = redis.withDedicatedConnection(r -> r.aclWhoami());
      assertThat(shared).isEqualTo("default");
      assertThat(pooled).isEqualTo("default");
      assertThat(redis.transaction(r -> r.set("auth-rule", "1")).wasDiscarded()).isFalse();
      Fixtures.await(Duration.ofSeconds(30), () -> redis.pubSub().publish("auth-rule", "x") > 0);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("x");
    }
  }

  @Test
  void aWrongPasswordWithUserHSaysThePasswordWasRejected() {
    assertThatThrownBy(() -> open(url("h", "wrong-pass-4711", true)))
        .isInstanceOf(RedisAuthenticationException.class)
        .hasMessageContaining("Could not connect to Redis at 127.0.0.1:" + dedicated.server().tlsPort())
        .hasMessageContaining("the server rejected the password from REDIS_URL (WRONGPASS), "
            + "both for user 'h' and on its own (requirepass)")
        .hasMessageContaining("heroku config:get REDIS_URL")
        .hasMessageNotContaining("rotat")
        .hasMessageNotContaining("wrong-pass-4711");
  }

  @Test
  void anotherUnknownUserIsNotRetriedWithoutTheUser() {
    // The right requirepass password: falling back to it would connect, as the default user.
    assertThatThrownBy(() -> open(url("alice", dedicated.server().password().reveal(), false)))
        .isInstanceOf(RedisAuthenticationException.class)
        .hasMessageContaining("the server rejected user 'alice' with the password from "
            + "REDIS_URL (WRONGPASS: wrong password, or no such enabled ACL user)")
        .hasMessageNotContaining(dedicated.server().password().reveal());
  }

  @Test
  void anAclUserNamedHIsUsedAsSuch() {
    String password = "h-own-password-1";
    try (HerokuRedis admin = open(url("", dedicated.server().password().reveal(), false))) {
      admin.sync().aclSetuser("h", AclSetuserArgs.Builder.on().addPassword(password)
          .allCommands().allKeys().allChannels());
      try (HerokuRedis asH = open(url("h", password, false))) {
        assertThat(asH.sync().aclWhoami()).isEqualTo("h");
      } finally {
        admin.sync().aclDeluser("h");
      }
    }
  }
}
