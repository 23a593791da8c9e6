package io.herokusdk.api.internal;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.util.Set;

/**
 * Marks a request body whose nulls must be sent, e.g. a config-var patch where {@code null}
 * deletes a var. Everywhere else null fields are left out.
 */
@Documented
@JsonQualifier
@Retention(RUNTIME)
public @interface SerializeNulls {
  /** Moshi factory honouring the qualifier. */
  JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    Set<? extends Annotation> rest = Types.nextAnnotations(annotations, SerializeNulls.class);
    return rest == null ? null : moshi.adapter(type, rest).serializeNulls();
  };
}
