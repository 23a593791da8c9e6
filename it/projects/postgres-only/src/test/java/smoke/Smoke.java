package smoke;

import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** heroku-postgres on heroku-testing's embedded Postgres: a pooled TLS connection answers. */
public final class Smoke {
  public static void main(String[] args) throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase();
        HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
        Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "select current_setting('server_version_num')::int, ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
      rs.next();
      int version = rs.getInt(1);
      if (version < 170000 || version >= 180000) throw new IllegalStateException("server " + version);
      if (!rs.getBoolean(2)) throw new IllegalStateException("connection is not encrypted");
      System.out.println("postgres-only: PostgreSQL " + version + " over TLS");
    }
  }
}
