package io.herokusdk.api.internal;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Marks a request body whose nulls must be sent, e.g. a config-var patch where {@code null}
 * deletes a var. Everywhere else null fields are left out.
 */
@Documented
@JsonQualifier
@Retention(RUNTIME)
public @interface SerializeNulls {
  /** The Moshi factory honouring the qualifier. */
  final class Factory implements JsonAdapter.Factory {
    /** The instance. */
    public static final Factory INSTANCE = new Factory();

    private Factory() {}

    @Override
    public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations,
        Moshi moshi) {
      Set<? extends Annotation> rest = Types.nextAnnotations(annotations, SerializeNulls.class);
      return rest == null ? null : moshi.adapter(type, rest).serializeNulls();
    }
  }
}
