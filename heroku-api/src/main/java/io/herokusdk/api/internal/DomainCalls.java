package io.herokusdk.api.internal;

import io.herokusdk.api.model.Domain;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * {@code POST /apps/{app}/domains} with {@code "sni_endpoint": null}: the schema requires the key
 * but allows null, and the generated {@code DomainCreateRequest} can neither hold nor send a
 * null. Remove once the generator emits required-nullable fields. Not API.
 */
public interface DomainCalls {
  /** Domain &ldquo;Create&rdquo; with a body whose nulls are sent. */
  @POST("apps/{app}/domains")
  Call<Domain> create(@Path(value = "app", encoded = true) String app,
      @Body @SerializeNulls Map<String, @Nullable Object> body);
}
