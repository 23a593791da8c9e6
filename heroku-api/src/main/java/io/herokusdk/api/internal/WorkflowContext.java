package io.herokusdk.api.internal;

import io.herokusdk.api.Heroku;
import okhttp3.OkHttpClient;

/**
 * What the hand-written workflows share with the {@link Heroku} client that made them. Not API.
 *
 * @param heroku the client: generated resources, token, retries, typed errors, Request-Id
 * @param streamClient the same connections and timeouts without the API's interceptors: for
 *     signed upload URLs and output/log streams, which must never receive the token
 * @param runtime the client's runtime: Moshi with the generated adapters, error mapping
 */
public record WorkflowContext(Heroku heroku, OkHttpClient streamClient, ApiRuntime runtime) {}
