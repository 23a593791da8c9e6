package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.redis.internal.RedisSettings;
import io.herokusdk.redis.internal.SettingsResolver;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class ConfigTest {
  private static final SettingsResolver.Explicit NOTHING =
      new SettingsResolver.Explicit(null, null, null, null, null, null, null, null, null);

  private static RedisSettings resolve(Map<String, String> vars) {
    return SettingsResolver.resolve(ConfigVars.of(vars), NOTHING);
  }

  @Test
  void prefersRedisTlsUrlOverRedisUrl() {
    RedisSettings settings = resolve(Map.of(
        "REDIS_URL", "redis://:pw@plain.example.com:6379",
        "REDIS_TLS_URL", "rediss://:pw@tls.example.com:6380"));
    assertThat(settings.configVar()).isEqualTo("REDIS_TLS_URL");
    assertThat(settings.useTls()).isTrue();
    assertThat(settings.endpoint()).isEqualTo("tls.example.com:6380");
  }

  @Test
  void readsAnAttachmentByNameAndPrefersItsTlsTwin() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "HEROKU_REDIS_PINK_URL", "redis://:pw@pink.example.com:6379",
        "HEROKU_REDIS_PINK_TLS_URL", "rediss://:pw@pink.example.com:6380",
        "HEROKU_REDIS_RED_URL", "rediss://:pw@red.example.com:7000/3"));
    RedisSettings pink = SettingsResolver.resolve(vars, new SettingsResolver.Explicit(
        "HEROKU_REDIS_PINK_URL", null, null, null, null, null, null, null, null));
    assertThat(pink.configVar()).isEqualTo("HEROKU_REDIS_PINK_TLS_URL");
    RedisSettings red = SettingsResolver.resolve(vars, new SettingsResolver.Explicit(
        "HEROKU_REDIS_RED_URL", null, null, null, null, null, null, null, null));
    assertThat(red.configVar()).isEqualTo("HEROKU_REDIS_RED_URL");
    assertThat(red.database()).isEqualTo(3);
    assertThat(red.endpoint()).isEqualTo("red.example.com:7000");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    RedisSettings settings = resolve(Map.of("REDIS_URL", "rediss://:pw@h.example.com:6379"));
    assertThat(settings.tls()).isEqualTo(TlsVerification.none());
    assertThat(settings.database()).isZero();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.poolSize()).isEqualTo(4);
    assertThat(settings.failFast()).isTrue();
    assertThat(settings.keyPrefix()).isEmpty();
    assertThat(settings.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void readsTuningVars() {
    RedisSettings settings = resolve(Map.of(
        "REDIS_URL", "redis://h.example.com/2",
        "REDIS_COMMAND_TIMEOUT", "750ms",
        "REDIS_CONNECT_TIMEOUT", "3s",
        "REDIS_POOL_SIZE", "2",
        "REDIS_FAIL_FAST", "false",
        "REDIS_MAX_QUEUED_COMMANDS", "50",
        "REDIS_KEY_PREFIX", "app:",
        "REDIS_RECONNECT_MAX_DELAY", "250ms"));
    assertThat(settings.database()).isEqualTo(2);
    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.poolSize()).isEqualTo(2);
    assertThat(settings.failFast()).isFalse();
    assertThat(settings.maxQueuedCommands()).isEqualTo(50);
    assertThat(settings.keyPrefix()).isEqualTo("app:");
    assertThat(settings.reconnectMaxDelay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aReconnectDelayThatIsNotPositiveNamesTheVar() {
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h.example.com",
        "REDIS_RECONNECT_MAX_DELAY", "0s")))
        .isInstanceOfSatisfying(InvalidConfigVarException.class,
            e -> assertThat(e.configVar()).contains("REDIS_RECONNECT_MAX_DELAY"))
        .hasMessageContaining("positive duration");
  }

  @Test
  void missingUrlNamesTheVarAndListsRedisUrlVarsThatExist() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "HEROKU_REDIS_PINK_URL", "rediss://:pw@pink.example.com:6380",
        "OPENREDIS_URL", "redis://:pw@o.example.com",
        "DATABASE_URL", "postgres://u:p@db.example.com/d"));
    assertThatThrownBy(() -> HerokuRedis.fromConfig(vars))
        .isInstanceOfSatisfying(MissingConfigVarException.class, e -> {
          assertThat(e.configVar()).contains("REDIS_URL");
          assertThat(e.relatedConfigVars())
              .containsExactly("HEROKU_REDIS_PINK_URL", "OPENREDIS_URL");
        })
        .hasMessageContaining("REDIS_URL is not set")
        .hasMessageContaining("heroku addons:create heroku-redis")
        .hasMessageContaining("HEROKU_REDIS_PINK_URL")
        .hasMessageNotContaining("DATABASE_URL")
        .hasMessageNotContaining("pw@");
  }

  @Test
  void missingExplicitVarIsNamed() {
    assertThatThrownBy(() -> HerokuRedis.builder()
        .configVars(ConfigVars.of(Map.of("REDIS_URL", "redis://h")))
        .urlConfigVar("HEROKU_REDIS_GOLD_URL").build())
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageStartingWith("HEROKU_REDIS_GOLD_URL is not set")
        .hasMessageContaining("REDIS_URL");
  }

  @Test
  void malformedUrlNamesTheVarWithoutThePassword() {
    String password = "s3cr3t-Pa55";
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "rediss://:" + password + "@")))
        .isInstanceOfSatisfying(InvalidConfigVarException.class,
            e -> assertThat(e.configVar()).contains("REDIS_URL"))
        .hasMessageContaining("REDIS_URL")
        .hasMessageNotContaining(password);
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "http://:" + password + "@h:1/")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("REDIS_URL has scheme 'http'")
        .hasMessageNotContaining(password);
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://:" + password + "@h/x")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("database number")
        .hasMessageNotContaining(password);
  }

  @Test
  void badTuningValuesNameTheirVar() {
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h", "REDIS_POOL_SIZE", "0")))
        .isInstanceOf(InvalidConfigVarException.class).hasMessageContaining("REDIS_POOL_SIZE");
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h", "REDIS_TLS_VERIFY", "yes")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("REDIS_TLS_VERIFY must be none");
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h", "REDIS_TLS_VERIFY", "ca")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("REDIS_TLS_CA_PEM");
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h",
        "REDIS_TLS_CA_PEM", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("REDIS_TLS_CA_PEM does not hold a readable PEM certificate");
    assertThatThrownBy(() -> resolve(Map.of("REDIS_URL", "redis://h",
        "REDIS_TLS_CA_FILE", "/nonexistent/ca.pem")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("REDIS_TLS_CA_FILE names a file that cannot be read");
  }

  @Test
  void caPemVarImpliesCaVerification(TestRedis redis) {
    RedisSettings settings = resolve(Map.of("REDIS_URL", "rediss://h",
        "REDIS_TLS_CA_PEM", redis.caCertificatePem().replace("\n", "\\n")));
    assertThat(settings.tls().mode()).isEqualTo(TlsVerification.Mode.CA);
    assertThat(settings.tlsSettingFrom()).isEqualTo("REDIS_TLS_CA_PEM");
    RedisSettings full = resolve(Map.of("REDIS_URL", "rediss://h",
        "REDIS_TLS_CA_PEM", redis.caCertificatePem(), "REDIS_TLS_VERIFY", "FULL"));
    assertThat(full.tls().mode()).isEqualTo(TlsVerification.Mode.FULL);
    assertThat(full.tls().trustedPem()).isPresent();
  }
}
