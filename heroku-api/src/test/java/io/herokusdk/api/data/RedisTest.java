package io.herokusdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTest {
  private static final String KV = "redis-shiny-12345";

  @RegisterExtension final DataWorld world = new DataWorld();

  @BeforeEach
  void store() {
    world.data.addRedis("shop", KV, "premium-0");
  }

  @Test
  void infoShowsPlanVersionAndTheNoevictionDefault() {
    RedisInfo info = world.dataClient().redis().info(KV);

    assertThat(info.name()).isEqualTo(KV);
    assertThat(info.plan()).isEqualTo("premium-0");
    assertThat(info.version()).isEqualTo("7.2.4");
    assertThat(info.maxmemoryPolicy()).isEqualTo("noeviction");
    assertThat(InfoLine.first(info.info(), "Timeout")).contains("300");
  }

  @Test
  void settingsChangeAndComeBackTyped() {
    Redis redis = world.dataClient().redis();

    assertThat(redis.maxmemoryPolicy(KV, "allkeys-lru").maxmemoryPolicy())
        .isEqualTo("allkeys-lru");
    assertThat(redis.timeout(KV, Duration.ofMinutes(2)).timeoutSeconds()).isEqualTo(120L);
    RedisConfig config = redis.keyspaceNotifications(KV, "Ex");
    assertThat(config).isEqualTo(new RedisConfig("allkeys-lru", 120L, "Ex"));
    assertThat(redis.info(KV).maxmemoryPolicy()).isEqualTo("allkeys-lru");
    assertThatThrownBy(() -> redis.timeout(KV, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void waitPollsUntilAvailableAndFailsOnAnError() {
    world.data.provisioning(KV, 0, Duration.ofSeconds(20));
    List<WaitStatus> seen = new ArrayList<>();

    assertThat(world.dataClient().redis().waitUntilAvailable(KV, seen::add).waiting()).isFalse();
    assertThat(seen).hasSizeGreaterThan(2).first().extracting(WaitStatus::waiting)
        .isEqualTo(true);

    world.data.failPreparation(KV, "out of capacity in this region");
    assertThatThrownBy(() -> world.dataClient().redis().waitUntilAvailable(KV))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("out of capacity in this region");
  }

  @Test
  void credentialsAreRotated() {
    world.dataClient().redis().rotateCredentials(KV);
    assertThat(world.data.rotations(KV)).isEqualTo(1);
    assertThatThrownBy(() -> world.dataClient().redis().rotateCredentials("redis-none"))
        .isInstanceOf(NotFoundException.class);
  }
}
