package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Another Lettuce client connects the way HerokuRedis does, from the same config vars. */
@ExtendWith(RedisExtension.class)
class LettuceSettingsTest {

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void aPlainLettuceClientConnectsWithTheSettings(boolean tls, TestRedis testRedis) {
    ConfigVars vars = tls ? testRedis.configVars() : testRedis.plainConfigVars();
    LettuceSettings settings = LettuceSettings.fromConfig(vars);
    ClientResources resources = settings.clientResources().build();
    RedisClient client = RedisClient.create(resources, settings.redisUri());
    client.setOptions(settings.clientOptions());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
      assertThat(connection.sync().clientInfo()).contains(" db=" + testRedis.dbIndex() + " ");
    } finally {
      client.shutdown();
      resources.shutdown();
    }
    assertThat(settings.redisUri().isSsl()).isEqualTo(tls);
    assertThat(settings.configVar()).isEqualTo(tls ? "REDIS_TLS_URL" : "REDIS_URL");
    assertThat(settings.credentials()).isPresent();
    String password = testRedis.password().reveal();
    assertThat(password).isNotEmpty();
    assertThat(settings.toString()).doesNotContain(password);
    assertThat(settings.redisUri().toString()).doesNotContain(password);
  }

  @org.junit.jupiter.api.Test
  void withoutAUrlTheErrorNamesTheConfigVar() {
    assertThatThrownBy(() -> LettuceSettings.fromConfig(ConfigVars.of(Map.of())))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("REDIS_URL");
  }
}
