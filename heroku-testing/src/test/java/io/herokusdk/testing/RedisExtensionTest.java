package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.testing.internal.RespClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(RedisExtension.class)
class RedisExtensionTest {
  private static final Logger log = LoggerFactory.getLogger(RedisExtensionTest.class);

  @Test
  void pingOverPlain(TestRedis redis, RedisServer server) throws IOException {
    try (RespClient client = Resp.connect(redis.url(), null)) {
      assertThat(client.ping()).isEqualTo("PONG");
      log.info("PING over plain {} -> PONG (Redis {})", redis, server.version());
    }
    assertThat(server.version()).startsWith("6.2.");
  }

  @Test
  void pingOverTlsVerifiedAgainstThePem(TestRedis redis) throws IOException {
    try (RespClient client = Resp.connect(redis.tlsUrl(), Resp.trusting(redis.caCertificatePem()))) {
      assertThat(client.socket()).isInstanceOf(SSLSocket.class);
      String protocol = ((SSLSocket) client.socket()).getSession().getProtocol();
      assertThat(client.ping()).isEqualTo("PONG");
      log.info("PING over TLS ({}) on port {} -> PONG", protocol, redis.tlsPort());
    }
  }

  @Test
  void certificateNamesTheLoopbackAddressForHostnameVerification(TestRedis redis)
      throws Exception {
    SSLContext context = Resp.trusting(redis.caCertificatePem());
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", redis.tlsPort()), 5000);
      SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(raw, "127.0.0.1", redis.tlsPort(), true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS"); // verify-full
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      assertThat(tls.getSession().getPeerCertificates()).hasSize(1);
      tls.close();
    }
  }

  @Test
  void tlsWithDefaultTrustFailsLikeHerokusSelfSignedCertificates(TestRedis redis) {
    assertThatThrownBy(
            () -> Resp.connect(redis.tlsUrl(), SSLContext.getDefault()).close())
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void urlsAreInHerokuFormat(TestRedis redis) {
    String password = redis.password().reveal();
    assertThat(password).matches("p[0-9a-f]{64}");
    assertThat(redis.url())
        .isEqualTo("redis://:" + password + "@127.0.0.1:" + redis.port() + "/" + redis.dbIndex());
    assertThat(redis.tlsUrl())
        .isEqualTo(
            "rediss://:" + password + "@127.0.0.1:" + redis.tlsPort() + "/" + redis.dbIndex());
    assertThat(redis.dbIndex()).isBetween(1, 15);
    assertThat(redis.port()).isNotEqualTo(redis.tlsPort());
    ServiceUrl parsed = ServiceUrl.parse("REDIS_URL", redis.tlsUrl());
    assertThat(parsed.password()).contains(redis.password());
    assertThat(parsed.user()).isEmpty();
    assertThat(redis.configVars().get("REDIS_URL")).contains(redis.tlsUrl());
    assertThat(redis.configVars().get("REDIS_TLS_URL")).contains(redis.tlsUrl());
    assertThat(redis.plainConfigVars().get("REDIS_URL")).contains(redis.url());
    assertThat(redis.keyPrefix()).startsWith("test:redisextensiontest:").endsWith(":");
    assertThat(redis.key("a")).isEqualTo(redis.keyPrefix() + "a");
    assertThat(redis.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void setAndGetInTheLentDatabase(TestRedis redis) throws IOException {
    try (RespClient plain = Resp.connect(redis.url(), null);
        RespClient tls = Resp.connect(redis.tlsUrl(), RespClient.trustAllContext())) {
      assertThat(plain.string("SET", redis.key("greeting"), "hello")).isEqualTo("OK");
      assertThat(tls.string("GET", redis.key("greeting"))).isEqualTo("hello");
    }
    try (RespClient other = Resp.connect(redis.url().replaceAll("/\\d+$", "/0"), null)) {
      assertThat(other.command("GET", redis.key("greeting"))).as("db 0 is another db").isNull();
    }
  }

  @Test
  void wrongPasswordIsRejected(TestRedis redis) throws IOException {
    try (RespClient client = RespClient.connect(redis.host(), redis.port(), Resp.TIMEOUT)) {
      assertThatThrownBy(client::ping).hasMessageStartingWith("NOAUTH");
      assertThatThrownBy(() -> client.auth("wrong-" + redis.password().reveal()))
          .hasMessageStartingWith("WRONGPASS");
    }
    try (RespClient client =
        RespClient.connectTls(
            redis.host(), redis.tlsPort(), RespClient.trustAllContext(), Resp.TIMEOUT)) {
      assertThatThrownBy(() -> client.auth("wrong")).hasMessageStartingWith("WRONGPASS");
    }
  }

  @Test
  void sharedServerCannotBeStopped(RedisServer server) {
    assertThat(server.isDedicated()).isFalse();
    assertThatThrownBy(server::stop).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dedicatedRedis");
  }
}
