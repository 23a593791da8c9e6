package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ServiceUrl;
import org.junit.jupiter.api.Test;

class DevServicesTest {
  @Test
  void smokePrintsConfigVarsAndChecksBothServers() throws Exception {
    String text;
    try (LogCapture capture = LogCapture.start()) {
      DevServices.main(new String[] {"--smoke"});
      text = capture.text();
    }
    assertThat(text)
        .containsPattern("(?m)^DATABASE_URL=postgres://u[a-z0-9]{13}:p[0-9a-f]{64}@127\\.0\\.0\\.1:\\d+/d[a-z0-9]{13}$")
        .containsPattern("(?m)^REDIS_URL=rediss://:p[0-9a-f]{64}@127\\.0\\.0\\.1:\\d+/0$")
        .containsPattern("(?m)^REDIS_TLS_URL=rediss://:p[0-9a-f]{64}@127\\.0\\.0\\.1:\\d+/0$")
        .contains("smoke: postgres select version() -> PostgreSQL 17.")
        .contains("smoke: redis PING over plain")
        .containsPattern("smoke: redis PING over TLS .* -> PONG")
        .contains("smoke: OK");
    String databaseUrl = text.lines().filter(l -> l.startsWith("DATABASE_URL=")).findFirst()
        .orElseThrow().substring("DATABASE_URL=".length());
    assertThat(ServiceUrl.parse("DATABASE_URL", databaseUrl).isLoopback()).isTrue();
  }

  @Test
  void rejectsUnknownArguments() {
    assertThatThrownBy(() -> DevServices.main(new String[] {"--bogus"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
