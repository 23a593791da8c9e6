package io.herokusdk.redis.internal;

import io.herokusdk.core.InvalidConfigVarException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/** Reads PEM certificates into a trust manager, without temporary files. */
public final class Pem {
  private Pem() {}

  /**
   * Parses every certificate in {@code pem}.
   *
   * @param source the config var (or other origin) named in errors
   */
  public static List<Certificate> parseCertificates(String source, String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> certificates = factory.generateCertificates(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) throw new GeneralSecurityException("no certificate found");
      return new ArrayList<>(certificates);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidConfigVarException(source, source + " does not hold a readable PEM "
          + "certificate (" + e.getClass().getSimpleName() + "); it must contain one or more "
          + "-----BEGIN CERTIFICATE----- blocks.", null);
    }
  }

  /** Builds a trust manager factory that trusts exactly the certificates in {@code pem}. */
  public static TrustManagerFactory trustManagerFactory(String source, String pem) {
    List<Certificate> certificates = parseCertificates(source, pem);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("The JDK could not build a trust store", e);
    }
  }
}
