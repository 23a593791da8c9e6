package smoke;

import io.herokusdk.postgres.PostgresDataSource;
import io.herokusdk.redis.HerokuRedis;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A Boot app on dev services: the starter's DataSource and HerokuRedis on embedded servers. */
@SpringBootApplication
public class Smoke {
  public static void main(String[] args) throws Exception {
    SpringApplication app = new SpringApplication(Smoke.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context = app.run()) {
      DataSource dataSource = context.getBean(DataSource.class);
      if (!(dataSource instanceof PostgresDataSource)) {
        throw new IllegalStateException("DataSource is " + dataSource.getClass());
      }
      try (Connection connection = dataSource.getConnection()) {
        if (!connection.isValid(5)) throw new IllegalStateException("database not valid");
      }
      String pong = context.getBean(HerokuRedis.class).sync().ping();
      if (!"PONG".equals(pong)) throw new IllegalStateException("PING answered " + pong);
      System.out.println("spring-boot: context started on dev services; DataSource and Redis answer");
    }
  }
}
