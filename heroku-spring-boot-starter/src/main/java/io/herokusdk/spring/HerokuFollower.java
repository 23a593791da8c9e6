package io.herokusdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the read-only {@code DataSource} of the app's first Heroku Postgres follower (the
 * first {@code HEROKU_POSTGRESQL_<COLOR>_URL} that is not the primary, by name). A plain {@code
 * DataSource} injection point still gets the primary.
 *
 * <pre>{@code
 * ReportService(@HerokuFollower DataSource follower) { ... }
 * }</pre>
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Documented
public @interface HerokuFollower {}
