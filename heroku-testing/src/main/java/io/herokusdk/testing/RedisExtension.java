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
 * Gives a test class its own Redis database index and key prefix: a parameter of type {@link
 * TestRedis} gets the same one within one test class (emptied with FLUSHDB when lent, given back
 * after the class). A parameter of type {@link RedisServer} gets the shared server.
 *
 * <pre>{@code
 * @ExtendWith(RedisExtension.class)
 * class CacheTest {
 *   @Test void caches(TestRedis redis) {
 *     MyCache cache = MyCache.from(redis.configVars()); // REDIS_URL=rediss://...
 *   }
 * }
 * }</pre>
 *
 * <p>Uses {@code TEST_REDIS_URL} / {@code TEST_REDIS_TLS_URL} from the environment if set; to
 * decide from other config vars, register {@link #using(ConfigVars)} with {@code
 * @RegisterExtension}. Nested test classes share their enclosing class's index.
 */
public final class RedisExtension implements ParameterResolver {
  private static final Logger log = LoggerFactory.getLogger(RedisExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisExtension.class);

  private final @Nullable ConfigVars configVars;

  /** Uses the process's config vars ({@link ConfigVars#fromEnv()}). */
  public RedisExtension() {
    this.configVars = null;
  }

  private RedisExtension(ConfigVars configVars) {
    this.configVars = Objects.requireNonNull(configVars, "configVars");
  }

  /**
   * An extension that reads {@code TEST_REDIS_URL} and {@code TEST_REDIS_TLS_URL} from {@code
   * configVars}.
   *
   * @param configVars where to look up {@code TEST_REDIS_URL} and {@code TEST_REDIS_TLS_URL};
   *     without either the embedded server is used
   * @return a new extension, to register with {@code @RegisterExtension}
   */
  public static RedisExtension using(ConfigVars configVars) {
    return new RedisExtension(configVars);
  }

  /**
   * The server this extension lends indexes of.
   *
   * @return the server from {@link TestServices#redis(ConfigVars)}, started on first call if
   *     embedded
   */
  public RedisServer server() {
    return configVars == null ? TestServices.redis() : TestServices.redis(configVars);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestRedis.class || type == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisServer server = server();
    if (parameter.getParameter().getType() == RedisServer.class) {
      return server;
    }
    ExtensionContext classContext = ExtensionContexts.classContext(context);
    String label = classContext.getRequiredTestClass().getSimpleName();
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            new Key(server),
            key -> {
              TestRedis redis = server.createTestRedis(label);
              log.info("Redis db {} with prefix {} for {} on {}", redis.dbIndex(),
                  redis.keyPrefix(), label, server);
              return new Release(redis);
            },
            Release.class)
        .redis;
  }

  /** Store key: one index per server per class. */
  private record Key(RedisServer server) {}

  /** Closed by JUnit when the class's store closes: gives the index back. */
  private record Release(TestRedis redis) implements AutoCloseable {
    @Override
    public void close() {
      redis.close();
    }
  }
}
