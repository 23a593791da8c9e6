package io.herokusdk.api;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer (TCP_NODELAY) answering with a {@link StubDispatcher}, and a {@link Heroku}
 * client without retries pointed at it; started before and closed after each test when
 * registered with {@code @RegisterExtension}.
 */
final class StubHerokuServer implements BeforeEachCallback, AfterEachCallback {
  private final MockWebServer server = new MockWebServer();
  private final StubDispatcher dispatcher = new StubDispatcher();
  private Heroku heroku;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(dispatcher);
    server.start();
    heroku = Heroku.builder().token("t0ken-for-tests").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    heroku.close();
    server.close();
  }

  /** The client pointed at the server. */
  Heroku heroku() {
    return heroku;
  }

  /** Sets the body of every following answer. */
  void nextBody(String body) {
    dispatcher.nextBody = body;
  }

  /** The next request the server received, or null after 5 seconds. */
  RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }
}
