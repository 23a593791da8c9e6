package io.herokusdk.mail.internal;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import io.herokusdk.core.Redactor;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.MailAuthenticationException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.ProviderError;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;

/**
 * Sends {@code POST /v3/mail/send} through sendgrid-java's {@link SendGrid#api(Request)} on an
 * Apache HttpClient this class owns (timeouts, proxy, no automatic retries), and tells "nothing
 * was written" from "written, no answer". Never uses sendgrid-java's {@code attempt()}, whose
 * thread pool is never shut down. Not API.
 */
public final class SendGridHttp implements AutoCloseable {
  private final CloseableHttpClient httpClient;
  private final SendGrid sendGrid;
  private final String apiKeyVar;
  private final Redactor redactor;
  private final String hostForMessages;
  /** Set to true, on the calling thread, once the request starts being written to a socket. */
  private final ThreadLocal<Boolean> requestWritten = ThreadLocal.withInitial(() -> false);

  /**
   * Creates the client for {@code endpoint} (https://api.sendgrid.com, or http://host:port for
   * a fake server).
   */
  public SendGridHttp(Secret apiKey, String apiKeyVar, URI endpoint, HttpSettings settings,
      int maxConnections) {
    this.apiKeyVar = apiKeyVar;
    this.redactor = Redactor.of(apiKey);
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setMaxTotal(maxConnections);
    connections.setDefaultMaxPerRoute(maxConnections);
    // A pooled connection idle this long is checked before reuse, so that a connection the server
    // closed is not mistaken for a request that was written and then lost.
    connections.setValidateAfterInactivity(500);
    int connectMs = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
    RequestConfig requestConfig = RequestConfig.custom()
        .setConnectTimeout(connectMs)
        .setConnectionRequestTimeout(connectMs)
        .setSocketTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()))
        .build();
    HttpClientBuilder builder = HttpClientBuilder.create()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(requestConfig)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .setRequestExecutor(new TrackingExecutor());
    if (settings.proxyHost() != null) {
      HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort());
      builder.setProxy(proxy);
      if (settings.proxyUser() != null) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(
            settings.proxyUser(),
            settings.proxyPassword() == null ? "" : settings.proxyPassword().reveal()));
        builder.setDefaultCredentialsProvider(credentials);
      }
    }
    this.httpClient = builder.build();
    boolean plainHttp = "http".equalsIgnoreCase(endpoint.getScheme());
    this.sendGrid = new SendGrid(apiKey.reveal(), new Client(httpClient, plainHttp));
    String host = endpoint.getPort() == -1
        ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    this.sendGrid.setHost(host);
    this.hostForMessages = host;
  }

  /** Makes one request with this JSON body. */
  public Outcome post(String jsonBody, boolean sandbox) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    request.setBody(jsonBody);
    requestWritten.set(false);
    Response response;
    try {
      response = sendGrid.api(request);
    } catch (IOException e) {
      String what = redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      if (requestWritten.get()) {
        return new Outcome.Unknown("no answer from " + hostForMessages + " (" + what + ")", 0, e);
      }
      return new Outcome.NotSent("could not connect to " + hostForMessages + " (" + what + ")", e);
    } finally {
      requestWritten.remove();
    }
    return toOutcome(response, sandbox);
  }

  private Outcome toOutcome(Response response, boolean sandbox) {
    int status = response.getStatusCode();
    Map<String, String> headers = response.getHeaders();
    if (status >= 200 && status < 300) {
      return new Outcome.Accepted(status, header(headers, "X-Message-Id"), sandbox);
    }
    if (status == 429) {
      return new Outcome.RateLimited(resetTime(header(headers, "X-RateLimit-Reset")));
    }
    if (status >= 500) {
      return new Outcome.Unknown("SendGrid answered " + status, status, null);
    }
    List<ProviderError> errors = Json.parseErrors(redactor.redact(response.getBody()));
    String detail = errors.isEmpty() ? "" : ": " + errors;
    if (status == 401) {
      return new Outcome.Rejected(new MailAuthenticationException("SendGrid rejected the API key "
          + "from " + apiKeyVar + " (401 Unauthorized)" + detail + ". Check the key with "
          + "`heroku config:get " + apiKeyVar + "`; create a key with the Mail Send permission "
          + "in SendGrid's settings.", status, errors));
    }
    if (status == 403) {
      return new Outcome.Rejected(new MailRejectedException("SendGrid refused the request (403 "
          + "Forbidden)" + detail + ". Either the key in " + apiKeyVar + " lacks the Mail Send "
          + "permission, or the from address is not a verified sender.", status, errors));
    }
    if (status == 413) {
      return new Outcome.Rejected(new MailRejectedException("SendGrid refused the email as too "
          + "large (413)" + detail + ". Keep the whole message under 30 MB.", status, errors));
    }
    return new Outcome.Rejected(new MailRejectedException(
        "SendGrid refused the email (" + status + ")" + detail, status, errors));
  }

  static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }

  /** Parses {@code X-RateLimit-Reset}: epoch seconds. Returns null if absent or malformed. */
  static Instant resetTime(String value) {
    if (value == null) return null;
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Closes the HTTP client and its connection pool. */
  @Override
  public void close() throws IOException {
    httpClient.close();
  }

  /** Marks the request as written as soon as HttpClient starts sending it on a connection. */
  private final class TrackingExecutor extends HttpRequestExecutor {
    @Override
    protected HttpResponse doSendRequest(
        HttpRequest request, HttpClientConnection connection, HttpContext context)
        throws IOException, HttpException {
      requestWritten.set(true);
      return super.doSendRequest(request, connection, context);
    }
  }
}
