package io.herokusdk.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit's own values and logs never show the passwords it hands out. */
@ExtendWith({TraceLogging.class, PostgresExtension.class, RedisExtension.class})
class KitCanaryTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  @Test
  void postgresPasswordsStayOutOfToStringAndLogs(TestDatabase db, PostgresServer server) {
    try (TestDatabase fresh = server.createDatabase()) {
      TestDatabase rotated = fresh.rotatePassword();
      SecretCanary.assertNoLeak(
          fresh.password(), fresh, server, logs, fresh.configVars(), rotated);
      SecretCanary.assertNoLeak(rotated.password(), rotated, logs, rotated.configVars());
    }
    SecretCanary.assertNoLeak(db.password(), db, server, logs, db.configVars());
    SecretCanary.assertNoLeak(server.adminPassword(), db, server, logs);
  }

  @Test
  void redisPasswordStaysOutOfToStringAndLogs(TestRedis redis, RedisServer server) {
    try (TestRedis another = server.createTestRedis("canary")) {
      SecretCanary.assertNoLeak(
          redis.password(), redis, another, server, logs, redis.configVars(),
          redis.plainConfigVars());
    }
  }
}
