package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.DomainCalls;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.Domain;
import io.herokusdk.core.Waiter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Custom domains: add one and wait for its DNS target and its certificate.
 *
 * <pre>{@code
 * Domain d = heroku.workflows().domains().addAndWait("my-app", "www.example.com");
 * System.out.println("CNAME " + d.hostname() + " -> " + d.cname());
 * }</pre>
 *
 * <p>It waits until {@code status} is no longer {@code pending} and, on apps with Automated
 * Certificate Management (a non-null {@code acm_status}), until {@code acm_status} is {@code
 * cert issued}. ACM keeps retrying while the DNS is wrong ({@code failing}), so this waits
 * through it; only {@code failed} ends the wait early. Thread-safe.
 */
public final class Domains {
  /** The {@code acm_status} of a domain whose certificate is in place. */
  public static final String CERT_ISSUED = "cert issued";

  private final WorkflowContext context;
  private final Waiter waiter;

  Domains(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Adds the domain (no SNI endpoint) and waits for it.
   *
   * @param app the app's name or id
   * @param hostname the custom hostname, like {@code www.example.com}
   * @return the domain, no longer {@code pending} and, with ACM, {@link #CERT_ISSUED}; its
   *     {@link Domain#cname()} is the DNS target
   * @throws DomainCertificateException if its status or ACM status became {@code failed}
   * @throws io.herokusdk.core.WaitTimeoutException if it was not ready at the deadline; DNS
   *     changes can take hours, so raise the waiter's timeout or check on it later
   */
  public Domain addAndWait(String app, String hostname) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(hostname, "hostname == null");
    Map<String, @Nullable Object> body = new HashMap<>();
    body.put("hostname", hostname);
    body.put("sni_endpoint", null);
    Domain created = context.runtime().execute(
        context.runtime().service(DomainCalls.class).create(context.runtime().segment("app", app),
            body));
    Domain domain = waiter.until("domain " + hostname + " on " + app + " to get its certificate",
        () -> context.heroku().domains().info(app, created.id()), Domains::done);
    if (failed(domain)) throw new DomainCertificateException(domain);
    return domain;
  }

  private static boolean done(Domain d) {
    if (failed(d)) return true;
    return !"pending".equals(d.status()) && (d.acmStatus() == null
        || CERT_ISSUED.equals(d.acmStatus()));
  }

  private static boolean failed(Domain d) {
    return "failed".equals(d.status()) || "failed".equals(d.acmStatus());
  }
}
