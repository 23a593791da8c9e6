package smoke;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.core.ServiceUrl;
import java.util.Map;

/** heroku-core alone: a config var becomes a typed URL whose toString hides the password. */
public final class Smoke {
  public static void main(String[] args) {
    ConfigVars config = ConfigVars.of(Map.of(
        "DATABASE_URL", "postgres://u8f3:s3cr3t-pw@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9k2"));
    ServiceUrl url = config.requireUrl("DATABASE_URL");
    if (!url.host().equals("ec2-1-2-3-4.compute-1.amazonaws.com") || url.port() != 5432) {
      throw new IllegalStateException("parsed " + url);
    }
    if (url.toString().contains("s3cr3t-pw")) throw new IllegalStateException("password shown");
    try {
      config.requireUrl("REDIS_URL");
      throw new IllegalStateException("a missing REDIS_URL was not reported");
    } catch (MissingConfigVarException expected) {
      if (!expected.getMessage().contains("REDIS_URL")) throw expected;
    }
    System.out.println("core-only: " + url);
  }
}
