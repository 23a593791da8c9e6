package io.herokusdk.redis;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@code rediss://} connection checks the server's certificate.
 *
 * <p>Heroku Key-Value Store uses self-signed certificates that rotate, so the default is
 * {@link #none()}: the connection is encrypted but the peer is not verified. Verify only when
 * you control the server's certificate, for example by trusting its CA with
 * {@link #trustPem(String)}.
 */
public final class TlsVerification {
  /** What is verified. */
  public enum Mode {
    /** Encrypt without verifying the certificate (what Heroku requires). */
    NONE,
    /** Verify that the certificate chains to a trusted certificate; ignore the host name. */
    CA,
    /** Verify the chain and that the certificate names the host. */
    FULL
  }

  private static final TlsVerification NONE = new TlsVerification(Mode.NONE, null);
  private static final TlsVerification FULL_DEFAULT_TRUST = new TlsVerification(Mode.FULL, null);

  private final Mode mode;
  private final @Nullable String trustedPem;

  private TlsVerification(Mode mode, @Nullable String trustedPem) {
    this.mode = mode;
    this.trustedPem = trustedPem;
  }

  /**
   * Encrypts without verifying the server's certificate. The default.
   *
   * @return mode {@link Mode#NONE NONE}, no trusted certificates
   */
  public static TlsVerification none() {
    return NONE;
  }

  /**
   * Verifies that the server's certificate chains to one of the certificates in {@code pem} (one
   * or more {@code -----BEGIN CERTIFICATE-----} blocks: a CA or the server's own certificate).
   * The host name is not checked.
   *
   * @param pem the PEM text of the trusted certificates
   * @return mode {@link Mode#CA CA}, trusting only {@code pem}
   * @throws IllegalArgumentException if {@code pem} has no {@code -----BEGIN CERTIFICATE-----}
   */
  public static TlsVerification trustPem(String pem) {
    return new TlsVerification(Mode.CA, requirePem(pem));
  }

  /**
   * Verifies the chain against the JDK's default trust store and checks the host name.
   *
   * @return mode {@link Mode#FULL FULL} with the JDK's trust store; fails against Heroku's
   *     self-signed certificates
   */
  public static TlsVerification full() {
    return FULL_DEFAULT_TRUST;
  }

  /**
   * Verifies the chain against the certificates in {@code pem} and checks the host name.
   *
   * @param pem the PEM text of the trusted certificates, as for {@link #trustPem(String)}
   * @return mode {@link Mode#FULL FULL}, trusting only {@code pem}
   * @throws IllegalArgumentException if {@code pem} has no {@code -----BEGIN CERTIFICATE-----}
   */
  public static TlsVerification full(String pem) {
    return new TlsVerification(Mode.FULL, requirePem(pem));
  }

  private static String requirePem(String pem) {
    Objects.requireNonNull(pem, "pem == null");
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          "pem has no -----BEGIN CERTIFICATE----- block; pass the PEM text of a certificate");
    }
    return pem;
  }

  /**
   * What is verified.
   *
   * @return none, the chain only, or the chain and the host name
   */
  public Mode mode() {
    return mode;
  }

  /**
   * The trusted certificates as PEM text; empty when the JDK's trust store is used.
   *
   * @return the PEM given to {@link #trustPem(String)} or {@link #full(String)}; empty for
   *     {@link #none()} and {@link #full()}
   */
  public Optional<String> trustedPem() {
    return Optional.ofNullable(trustedPem);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlsVerification
        && ((TlsVerification) other).mode == mode
        && Objects.equals(((TlsVerification) other).trustedPem, trustedPem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, trustedPem);
  }

  /** Returns e.g. {@code TlsVerification{CA, trusted PEM}}. */
  @Override
  public String toString() {
    return "TlsVerification{" + mode + (trustedPem == null ? "" : ", trusted PEM") + "}";
  }
}
