package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs two fixture classes with JUnit's test kit and checks each got its own database. */
class PerClassIsolationTest {
  /** Runs fixture classes only when {@link EngineTestKit} runs them, not surefire or an IDE. */
  static final class OnlyInTestKit implements ExecutionCondition {
    static final String PARAMETER = "heroku-testing.fixtures";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by the test kit")
          : ConditionEvaluationResult.disabled("a fixture of PerClassIsolationTest");
    }
  }

  static final Map<String, List<String>> databases = new ConcurrentHashMap<>();
  static final Map<String, List<Integer>> redisIndexes = new ConcurrentHashMap<>();
  static final Map<String, List<String>> prefixes = new ConcurrentHashMap<>();

  @Test
  void twoClassesGetDifferentDatabasesAndRedisIndexesDroppedAfterwards() throws SQLException {
    databases.clear();
    redisIndexes.clear();
    prefixes.clear();
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(5).succeeded(5));

    List<String> first = databases.get("FirstFixture");
    List<String> second = databases.get("SecondFixture");
    // two tests of one class saw the same database; the other class a different one
    assertThat(first).hasSize(2).containsOnly(first.get(0));
    assertThat(second).hasSize(2).containsOnly(second.get(0));
    assertThat(first.get(0)).isNotEqualTo(second.get(0));
    // the nested class shared its enclosing class's database
    assertThat(databases.get("NestedFixture")).containsOnly(second.get(0));

    PostgresServer server = TestServices.postgres();
    assertThat(Admin.databaseExists(server, first.get(0))).as("dropped after the class").isFalse();
    assertThat(Admin.databaseExists(server, second.get(0))).as("dropped after the class").isFalse();

    assertThat(redisIndexes.get("FirstFixture")).containsOnly(redisIndexes.get("FirstFixture").get(0));
    assertThat(redisIndexes.get("FirstFixture").get(0))
        .isNotEqualTo(redisIndexes.get("SecondFixture").get(0));
    assertThat(prefixes.get("FirstFixture").get(0))
        .isNotEqualTo(prefixes.get("SecondFixture").get(0))
        .startsWith("test:firstfixture:");
  }

  static void record(String fixture, TestDatabase db, TestRedis redis) throws SQLException {
    try (Connection c = db.jdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database()")) {
      rs.next();
      databases.computeIfAbsent(fixture, k -> new CopyOnWriteArrayList<>()).add(rs.getString(1));
    }
    if (redis != null) {
      redisIndexes.computeIfAbsent(fixture, k -> new CopyOnWriteArrayList<>()).add(redis.dbIndex());
      prefixes.computeIfAbsent(fixture, k -> new CopyOnWriteArrayList<>()).add(redis.keyPrefix());
    }
  }

  @ExtendWith({OnlyInTestKit.class, PostgresExtension.class, RedisExtension.class})
  static class FirstFixture {
    @Test
    void one(TestDatabase db, TestRedis redis) throws SQLException {
      record("FirstFixture", db, redis);
    }

    @Test
    void two(TestDatabase db, TestRedis redis) throws SQLException {
      record("FirstFixture", db, redis);
    }
  }

  @ExtendWith({OnlyInTestKit.class, PostgresExtension.class, RedisExtension.class})
  static class SecondFixture {
    private final TestDatabase db;

    SecondFixture(TestDatabase db) {
      this.db = db;
    }

    @Test
    void one(TestRedis redis) throws SQLException {
      record("SecondFixture", db, redis);
    }

    @Test
    void two(TestRedis redis) throws SQLException {
      record("SecondFixture", db, redis);
    }

    @Nested
    class NestedFixture {
      @Test
      void nested(TestDatabase nestedDb) throws SQLException {
        record("NestedFixture", nestedDb, null);
      }
    }
  }
}
