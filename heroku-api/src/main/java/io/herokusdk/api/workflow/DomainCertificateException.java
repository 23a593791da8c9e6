package io.herokusdk.api.workflow;

import io.herokusdk.api.model.Domain;

/**
 * A custom domain's certificate (Automated Certificate Management) or DNS target failed. The
 * domain stays on the app; fix its DNS ({@link Domain#cname()}) and refresh ACM.
 */
public final class DomainCertificateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Domain domain;

  /**
   * Creates the exception from the domain's last state.
   *
   * @param domain the domain as last polled; its hostname, statuses and CNAME target go into the
   *     message
   */
  public DomainCertificateException(Domain domain) {
    super("Domain " + domain.hostname() + " on app " + domain.app().name() + ": status "
        + domain.status() + ", ACM " + domain.acmStatus()
        + (domain.acmStatusReason() == null ? "" : " (" + domain.acmStatusReason() + ")")
        + ". Point a CNAME for " + domain.hostname() + " at " + domain.cname()
        + ", then refresh ACM (heroku.apps().refreshAcm(app)).");
    this.domain = domain;
  }

  /**
   * The domain as last polled, with {@code acm_status} and {@code acm_status_reason}.
   *
   * @return the domain, its {@code status} or {@code acm_status} {@code failed}; null after
   *     deserialization, as it is not serialized
   */
  public Domain domain() {
    return domain;
  }
}
