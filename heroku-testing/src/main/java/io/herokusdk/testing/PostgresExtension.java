package io.herokusdk.testing;

import io.herokusdk.core.ConfigVars;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test class a fresh PostgreSQL database: a parameter of type {@link TestDatabase} (in a
 * constructor, a lifecycle method or a test method) gets the same database within one test
 * class, and it is dropped after the class. A parameter of type {@link PostgresServer} gets the
 * server.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class OrdersTest {
 *   @Test void saves(TestDatabase db) throws SQLException {
 *     try (Connection c = db.jdbcConnection()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Uses {@code TEST_DATABASE_URL} from the environment if set; to decide from other config
 * vars, register {@link #using(ConfigVars)} with {@code @RegisterExtension}. Nested test classes
 * share their enclosing class's database.
 */
public final class PostgresExtension implements ParameterResolver {
  private static final Logger log = LoggerFactory.getLogger(PostgresExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  private final @Nullable ConfigVars configVars;

  /** Uses the process's config vars ({@link ConfigVars#fromEnv()}). */
  public PostgresExtension() {
    this.configVars = null;
  }

  private PostgresExtension(ConfigVars configVars) {
    this.configVars = Objects.requireNonNull(configVars, "configVars");
  }

  /**
   * An extension that reads {@code TEST_DATABASE_URL} from {@code configVars}.
   *
   * @param configVars where to look up {@code TEST_DATABASE_URL}; without it the embedded server
   *     is used
   * @return a new extension, to register with {@code @RegisterExtension}
   */
  public static PostgresExtension using(ConfigVars configVars) {
    return new PostgresExtension(configVars);
  }

  /**
   * The server this extension hands databases out from.
   *
   * @return the server from {@link TestServices#postgres(ConfigVars)}, started on first call if
   *     embedded
   */
  public PostgresServer server() {
    return configVars == null ? TestServices.postgres() : TestServices.postgres(configVars);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresServer server = server();
    if (parameter.getParameter().getType() == PostgresServer.class) {
      return server;
    }
    ExtensionContext classContext = ExtensionContexts.classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            new Key(server),
            key -> {
              TestDatabase database = server.createDatabase();
              log.info(
                  "Fresh database {} for {} on {}",
                  database.name(),
                  classContext.getRequiredTestClass().getSimpleName(),
                  server);
              return new Drop(database);
            },
            Drop.class)
        .database;
  }

  /** Store key: one database per server per class. */
  private record Key(PostgresServer server) {}

  /** Closed by JUnit when the class's store closes: drops the database. */
  private record Drop(TestDatabase database) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }
}
