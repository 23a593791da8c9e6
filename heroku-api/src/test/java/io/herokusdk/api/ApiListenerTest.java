package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiListenerTest {
  final MockWebServer server = new MockWebServer();
  final List<ApiExchange> exchanges = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Heroku client(ApiListener listener) {
    return Heroku.builder().token(HerokuClientTest.TOKEN).baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
        .sleeper(d -> { })
        .listener(listener)
        .build();
  }

  @Test
  void reportsEachAttemptWithStatusAndRateLimitRemaining() {
    server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
    server.enqueue(HerokuClientTest.json(200, HerokuClientTest.APP_JSON));
    try (Heroku heroku = client(exchanges::add)) {
      heroku.apps().info("my-app");
    }

    assertThat(exchanges).hasSize(2);
    assertThat(exchanges.get(0).status()).isEqualTo(OptionalInt.of(503));
    assertThat(exchanges.get(0).rateLimitRemaining()).isEmpty();
    ApiExchange ok = exchanges.get(1);
    assertThat(ok.method()).isEqualTo("GET");
    assertThat(ok.host()).isEqualTo(server.getHostName());
    assertThat(ok.status()).isEqualTo(OptionalInt.of(200));
    assertThat(ok.rateLimitRemaining()).isEqualTo(OptionalInt.of(4321));
    assertThat(ok.duration()).isPositive();
    assertThat(ok.toString()).doesNotContain(HerokuClientTest.TOKEN).doesNotContain("my-app");
  }

  @Test
  void reportsAnAttemptWithoutResponseAsNoStatus() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    try (Heroku heroku = client(exchanges::add)) {
      assertThatThrownBy(() -> heroku.apps().info("my-app"))
          .isInstanceOf(HerokuConnectionException.class);
    }

    assertThat(exchanges).isNotEmpty().allSatisfy(e -> assertThat(e.status()).isEmpty());
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheCall() {
    server.enqueue(HerokuClientTest.json(200, HerokuClientTest.APP_JSON));
    try (Heroku heroku = client(e -> {
      throw new IllegalStateException("boom");
    })) {
      assertThat(heroku.apps().info("my-app").name()).isEqualTo("my-app");
    }
  }
}
