package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.internal.RespClient;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class DedicatedRedisTest {
  private static final Logger log = LoggerFactory.getLogger(DedicatedRedisTest.class);
  private static RedisServer server;

  @BeforeAll
  static void start() {
    server = TestServices.dedicatedRedis();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void stopThenStartOnTheSamePortsWithTheSameUrls() throws IOException {
    assertThat(server.isDedicated()).isTrue();
    try (TestRedis redis = server.createTestRedis("restart")) {
      String url = redis.url();
      String tlsUrl = redis.tlsUrl();
      RespClient before = Resp.connect(tlsUrl, Resp.trusting(redis.caCertificatePem()));
      assertThat(before.ping()).isEqualTo("PONG");

      server.stop();
      assertThat(server.isRunning()).isFalse();
      assertThatThrownBy(before::ping).isInstanceOf(IOException.class);
      before.close();
      assertThatThrownBy(() -> Resp.connect(url, null).close())
          .isInstanceOf(ConnectException.class);

      server.start();
      assertThat(server.isRunning()).isTrue();
      assertThat(redis.url()).isEqualTo(url);
      try (RespClient plain = Resp.connect(url, null);
          RespClient tls = Resp.connect(tlsUrl, Resp.trusting(redis.caCertificatePem()))) {
        assertThat(plain.ping()).isEqualTo("PONG");
        assertThat(tls.ping()).isEqualTo("PONG");
      }
      log.info("Dedicated Redis stopped and started again on ports {}/{}", redis.port(),
          redis.tlsPort());

      server.restart();
      try (RespClient tls = Resp.connect(tlsUrl, Resp.trusting(redis.caCertificatePem()))) {
        assertThat(tls.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void restartWithNewCertificateKeepsUrlsButChangesThePem() throws IOException {
    try (TestRedis redis = server.createTestRedis("rotation")) {
      String oldPem = redis.caCertificatePem();
      server.restartWithNewCertificate();
      String newPem = redis.caCertificatePem();
      assertThat(newPem).isNotEqualTo(oldPem);
      try (RespClient tls = Resp.connect(redis.tlsUrl(), Resp.trusting(newPem))) {
        assertThat(tls.ping()).isEqualTo("PONG");
      }
      assertThatThrownBy(() -> Resp.connect(redis.tlsUrl(), Resp.trusting(oldPem)).close())
          .isInstanceOf(SSLHandshakeException.class);
      try (RespClient tls = Resp.connect(redis.tlsUrl(), RespClient.trustAllContext())) {
        assertThat(tls.ping()).as("verification off, as Heroku needs").isEqualTo("PONG");
      }
    }
  }

  @Test
  void idleTimeoutClosesIdleConnections() throws IOException {
    try (TestRedis redis = server.createTestRedis("timeout");
        RespClient admin = Resp.connect(redis.url(), null)) {
      assertThat(admin.string("CONFIG", "SET", "timeout", "2")).isEqualTo("OK");
      try (RespClient idle = Resp.connect(redis.tlsUrl(), RespClient.trustAllContext())) {
        assertThat(idle.ping()).isEqualTo("PONG");
        long started = System.nanoTime();
        assertThat(idle.awaitClosedByServer(Duration.ofSeconds(10))).isTrue();
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMillis).as("closed after the 2 s idle timeout").isBetween(1500L, 6000L);
        assertThatThrownBy(idle::ping).isInstanceOf(IOException.class);
      } finally {
        try (RespClient reset = Resp.connect(redis.url(), null)) {
          reset.string("CONFIG", "SET", "timeout", "0");
        }
      }
    }
  }

  @Test
  void lentIndexesAreFlushedAndTakenInTurn() throws IOException {
    List<TestRedis> all = new ArrayList<>();
    try {
      TestRedis first = server.createTestRedis("pool");
      try (RespClient client = Resp.connect(first.url(), null)) {
        client.string("SET", "leftover", "x");
      }
      int firstIndex = first.dbIndex();
      first.close();
      first.close(); // idempotent
      // the returned index goes to the back of the queue: the next 14 loans get the others
      for (int i = 0; i < 14; i++) {
        TestRedis redis = server.createTestRedis("pool");
        assertThat(redis.dbIndex()).isNotEqualTo(firstIndex);
        all.add(redis);
      }
      TestRedis again = server.createTestRedis("pool");
      all.add(again);
      assertThat(again.dbIndex()).isEqualTo(firstIndex);
      try (RespClient client = Resp.connect(again.url(), null)) {
        assertThat(client.command("GET", "leftover")).as("FLUSHDB on loan").isNull();
      }
      // all 15 are out: the next one shares an index, told apart by its prefix
      try (TestRedis shared = server.createTestRedis("pool")) {
        assertThat(shared.dbIndex()).isBetween(1, 15);
        assertThat(all).extracting(TestRedis::keyPrefix).doesNotContain(shared.keyPrefix());
      }
    } finally {
      all.forEach(TestRedis::close);
    }
  }
}
