package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.ConnectFailureTest.Failed;
import io.herokusdk.postgres.DatabaseConnectException.Reason;
import io.herokusdk.testing.internal.SelfSignedCertificate;
import io.herokusdk.testing.internal.SharedServices;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connect failures that need a server of their own: one whose pg_hba.conf allows only TLS
 * connections to database {@code postgres} (TLS required, no pg_hba entry), and a plain one
 * without TLS that is stopped and started again (TLS not supported, refused then recovered).
 */
class DedicatedServerConnectFailureTest {

  @Test
  void hbaServerSaysTlsRequiredAndNoEntry() throws Exception {
    SelfSignedCertificate certificate = SharedServices.get().certificate();
    Path data = Files.createTempDirectory("hba-test");
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("ssl", "on")
        .setDataDirectoryCustomizer(directory -> hbaAndCertificate(directory.toPath(),
            certificate))
        .start()) {
      String base = "postgres://postgres@127.0.0.1:" + server.getPort();

      Failed plain = ConnectFailureTest.connect(base + "/postgres?sslmode=disable",
          ConnectFailureTest.LONG_TIMEOUT)
          .permanent(Reason.TLS_REQUIRED)
          .says("accepts only encrypted connections", "sslmode=disable", "sslmode=require",
              "no encryption");
      assertThat(plain.exception().getSQLState()).isEqualTo("28000");

      ConnectFailureTest.connect(base + "/template1?sslmode=require",
              ConnectFailureTest.LONG_TIMEOUT)
          .permanent(Reason.ACCESS_DENIED)
          .says("does not let user \"postgres\" connect to database \"template1\"",
              "pg_hba.conf");

      // the same server over TLS to the allowed database works
      try (HerokuPostgres postgres = HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
              "DATABASE_URL", base + "/postgres?sslmode=require")));
          Connection connection = postgres.dataSource().getConnection()) {
        assertThat(connection.isValid(2)).isTrue();
      }
    }
  }

  /** Only TLS, only database postgres as postgres (trusted: no secret in this test). */
  private static void hbaAndCertificate(Path data, SelfSignedCertificate certificate) {
    try {
      Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
          "local all all trust",
          "hostssl postgres postgres 127.0.0.1/32 trust",
          "hostssl postgres postgres ::1/128 trust", ""), StandardCharsets.UTF_8);
      Files.copy(certificate.certificateFile(), data.resolve("server.crt"),
          StandardCopyOption.REPLACE_EXISTING);
      Path key = data.resolve("server.key");
      Files.copy(certificate.privateKeyFile(), key, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void plainServerSaysTlsNotSupportedThenRecoversFromARestart() throws Exception {
    Path data = Files.createTempDirectory("restart-test");
    EmbeddedPostgres server = plainServer(data, 0);
    int port = server.getPort();
    String url = "postgres://postgres@127.0.0.1:" + port + "/postgres";
    try {
      ConnectFailureTest.connect(url + "?sslmode=require", ConnectFailureTest.LONG_TIMEOUT)
          .permanent(Reason.TLS_NOT_SUPPORTED)
          .says("asks for TLS (sslmode=require) but the server does not support it");

      server.close(); // stopped: connections are refused
      server = null;
      try (HerokuPostgres postgres = HerokuPostgres.builder()
          .configVars(ConfigVars.of(Map.of("DATABASE_URL", url)))
          .connectionTimeout(ConnectFailureTest.LONG_TIMEOUT)
          .build()) {
        CompletableFuture<Boolean> borrowed = CompletableFuture.supplyAsync(() -> {
          try (Connection connection = postgres.dataSource().getConnection()) {
            return connection.isValid(2);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        Thread.sleep(1_500); // several refused attempts: transient, so the caller keeps waiting
        assertThat(borrowed).isNotDone();

        server = plainServer(data, port);

        assertThat(borrowed.get(25, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      if (server != null) server.close();
    }
  }

  private static EmbeddedPostgres plainServer(Path data, int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1");
    if (port > 0) builder.setPort(port);
    return builder.start();
  }

}
