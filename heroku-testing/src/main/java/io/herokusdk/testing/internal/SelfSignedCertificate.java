package io.herokusdk.testing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed certificate for 127.0.0.1, ::1 and localhost, made at test time by running the
 * JDK's own {@code keytool}, as Heroku's Redis and Postgres certificates are self-signed too.
 *
 * <p>The files are PEM: {@code cert.pem} (the certificate, which is also its own CA) and {@code
 * key.pem} (an unencrypted PKCS#8 private key, mode 0600), which Redis and Postgres read.
 */
public final class SelfSignedCertificate {
  private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
  private static final String ALIAS = "heroku-testing";

  private final Path certificateFile;
  private final Path privateKeyFile;
  private final String certificatePem;
  private final X509Certificate certificate;

  private SelfSignedCertificate(
      Path certificateFile, Path privateKeyFile, String certificatePem, X509Certificate certificate) {
    this.certificateFile = certificateFile;
    this.privateKeyFile = privateKeyFile;
    this.certificatePem = certificatePem;
    this.certificate = certificate;
  }

  /** Generates a new key pair and certificate into {@code directory} (created if missing). */
  public static SelfSignedCertificate generate(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path keystore = directory.resolve("keystore.p12");
    Files.deleteIfExists(keystore);
    String storePassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    long started = System.nanoTime();
    List<String> command = new ArrayList<>();
    command.add(keytool().toString());
    // keytool is a short-lived JVM: C1 only and Serial GC start it 2-3x faster on small machines
    command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
    command.addAll(
        List.of(
            "-genkeypair",
            "-alias", ALIAS,
            "-keyalg", "RSA",
            "-keysize", "2048",
            "-sigalg", "SHA256withRSA",
            "-validity", "365",
            "-dname", "CN=localhost, O=heroku-sdk-testing",
            "-ext", "SAN=ip:127.0.0.1,ip:::1,dns:localhost",
            "-ext", "BC:c=ca:true",
            "-storetype", "PKCS12",
            "-keystore", keystore.toString(),
            "-storepass:env", "HEROKU_TESTING_STOREPASS",
            "-keypass:env", "HEROKU_TESTING_STOREPASS",
            "-noprompt"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HEROKU_TESTING_STOREPASS", storePassword);
    Process process = builder.start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while waiting for keytool", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output.strip());
    }

    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, storePassword.toCharArray());
      }
      Key key = store.getKey(ALIAS, storePassword.toCharArray());
      Certificate certificate = store.getCertificate(ALIAS);
      if (!(key instanceof PrivateKey) || !(certificate instanceof X509Certificate)) {
        throw new IOException("keytool wrote no private key and certificate");
      }
      String certPem = pem("CERTIFICATE", certificate.getEncoded());
      String keyPem = pem("PRIVATE KEY", key.getEncoded()); // PKCS#8
      Path certFile = directory.resolve("cert.pem");
      Path keyFile = directory.resolve("key.pem");
      Files.writeString(certFile, certPem, StandardCharsets.US_ASCII);
      Files.deleteIfExists(keyFile);
      Files.createFile(keyFile);
      restrictToOwner(keyFile);
      Files.writeString(keyFile, keyPem, StandardCharsets.US_ASCII);
      log.debug(
          "Generated a self-signed certificate in {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return new SelfSignedCertificate(certFile, keyFile, certPem, (X509Certificate) certificate);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not read the keystore keytool wrote", e);
    } finally {
      Files.deleteIfExists(keystore);
    }
  }

  /** The certificate file (PEM); as the certificate is self-signed it is also the CA file. */
  public Path certificateFile() {
    return certificateFile;
  }

  /** The unencrypted PKCS#8 private key file (PEM), readable by its owner only. */
  public Path privateKeyFile() {
    return privateKeyFile;
  }

  /** The certificate as PEM text. */
  public String certificatePem() {
    return certificatePem;
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** An SSL context that trusts this certificate only (and checks nothing else). */
  public SSLContext trustingContext() {
    try {
      return trustingContext(certificatePem);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An SSL context trusting the certificates in {@code pem}. */
  public static SSLContext trustingContext(String pem) throws GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      trust.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Certificate cert :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
      trust.setCertificateEntry("ca" + i++, cert);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  private static Path keytool() throws IOException {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
    if (!Files.isExecutable(keytool)) {
      throw new IOException(
          "cannot generate a TLS certificate: no keytool at "
              + keytool
              + " (run the tests on a full JDK, not a jlink'ed runtime)");
    }
    return keytool;
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): nothing to do.
    }
  }
}
