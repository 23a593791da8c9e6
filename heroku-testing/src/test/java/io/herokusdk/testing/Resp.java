package io.herokusdk.testing;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.testing.internal.RespClient;
import io.herokusdk.testing.internal.SelfSignedCertificate;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Test helper: connects the kit's tiny RESP client to a Heroku-style Redis URL. */
final class Resp {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Resp() {}

  /** Connects to {@code url} (redis:// or rediss://), AUTHs and SELECTs its database. */
  static RespClient connect(String url, SSLContext tls) throws IOException {
    ServiceUrl parsed = ServiceUrl.parse("REDIS_URL", url);
    RespClient client =
        parsed.scheme().equals("rediss")
            ? RespClient.connectTls(parsed.host(), parsed.port(), tls, TIMEOUT)
            : RespClient.connect(parsed.host(), parsed.port(), TIMEOUT);
    if (parsed.password().isPresent()) client.auth(parsed.password().get().reveal());
    if (!parsed.path().isEmpty()) client.select(Integer.parseInt(parsed.path()));
    return client;
  }

  static SSLContext trusting(String pem) {
    try {
      return SelfSignedCertificate.trustingContext(pem);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
