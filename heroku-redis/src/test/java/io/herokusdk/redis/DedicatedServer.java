package io.herokusdk.redis;

import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.TestServices;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis server of the test class's own, for tests that stop, restart or kill it: started before
 * the class, running again before each test, closed after the class.
 * {@code @RegisterExtension static final DedicatedServer dedicated = new DedicatedServer();}
 */
final class DedicatedServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private RedisServer server;

  /** The server; only while the class runs. */
  RedisServer server() {
    if (server == null) throw new IllegalStateException("the test class has not started");
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServices.dedicatedRedis();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!server.isRunning()) server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) server.close();
    server = null;
  }
}
