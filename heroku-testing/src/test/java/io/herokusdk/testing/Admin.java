package io.herokusdk.testing;

import io.herokusdk.core.ServiceUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** Test helper: an admin connection to a {@link PostgresServer}. */
final class Admin {
  private Admin() {}

  static Connection connect(PostgresServer server) throws SQLException {
    ServiceUrl url = ServiceUrl.parse("admin", server.adminUrl());
    Properties properties = new Properties();
    properties.setProperty("user", url.user().orElseThrow());
    properties.setProperty("password", url.password().orElseThrow().reveal());
    return DriverManager.getConnection(
        "jdbc:postgresql://" + url.authority() + "/" + url.path(), properties);
  }

  static boolean databaseExists(PostgresServer server, String name) throws SQLException {
    try (Connection c = connect(server);
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  static boolean roleExists(PostgresServer server, String name) throws SQLException {
    try (Connection c = connect(server);
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
