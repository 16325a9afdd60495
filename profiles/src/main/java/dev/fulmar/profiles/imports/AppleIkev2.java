package dev.fulmar.profiles.imports;

import com.dd.plist.NSDictionary;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.validate.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the {@code IKEv2}, {@code DNS} and on-demand settings of an Apple VPN payload. */
final class AppleIkev2 {
  private static final Set<String> USED =
      Set.of(
          "RemoteAddress",
          "RemoteIdentifier",
          "LocalIdentifier",
          "AuthenticationMethod",
          "ExtendedAuthEnabled",
          "AuthName",
          "AuthPassword",
          "SharedSecret",
          "PayloadCertificateUUID",
          "DeadPeerDetectionRate",
          "DisableMOBIKE",
          "EnablePFS",
          "MTU",
          "NATKeepAliveInterval",
          "IKESecurityAssociationParameters",
          "ChildSecurityAssociationParameters",
          "IncludeAllNetworks",
          "ExcludeLocalNetworks",
          "OnDemandEnabled",
          "OnDemandRules",
          "CertificateType");
  private static final Map<String, Integer> DPD =
      Map.of("None", 0, "Low", 1800, "Medium", 600, "High", 60);
  private final List<NSDictionary> payloads;
  private final ReportBuilder rb;
  private final SecretBundle secrets;
  private final List<Problem> problems;

  AppleIkev2(
      List<NSDictionary> payloads, ReportBuilder rb, SecretBundle secrets, List<Problem> problems) {
    this.payloads = payloads;
    this.rb = rb;
    this.secrets = secrets;
    this.problems = problems;
  }

  void apply(NSDictionary vpn, List<CaCertificate> roots, Profile.Builder b) {
    NSDictionary ike = Plists.dict(vpn, "IKEv2");
    String remote = Plists.string(ike, "RemoteAddress");
    if (remote == null) {
      problems.add(Problem.error("gateway.host", "the VPN payload has no IKEv2 RemoteAddress"));
    }
    b.gateways(List.of(Gateway.of(remote == null ? "" : remote.strip())));
    rb.mapped("IKEv2.RemoteAddress", "gateway.host");
    String rid = Plists.string(ike, "RemoteIdentifier");
    if (rid != null) {
      b.remoteId(Identity.parse(rid));
      rb.mapped("IKEv2.RemoteIdentifier", "remoteId");
    }
    String lid = Plists.string(ike, "LocalIdentifier");
    if (lid != null) {
      b.localId(Identity.parse(lid));
      rb.mapped("IKEv2.LocalIdentifier", "localId");
    }
    b.trust(roots.isEmpty() ? Trust.SYSTEM : new Trust(roots, List.of(), false));
    b.auth(auth(ike));
    b.proposals(
        new Proposals(
            Conversions.ike(
                AppleProposals.ike(Plists.dict(ike, "IKESecurityAssociationParameters"), rb),
                "IKESecurityAssociationParameters",
                rb),
            Conversions.esp(
                AppleProposals.esp(
                    Plists.dict(ike, "ChildSecurityAssociationParameters"),
                    Plists.flag(ike, "EnablePFS"),
                    rb),
                "ChildSecurityAssociationParameters",
                rb)));
    timersAndTransport(ike, b);
    network(vpn, ike, b);
    for (String key : ike == null ? new String[0] : ike.allKeys()) {
      if (!USED.contains(key)) {
        rb.dropped("IKEv2." + key, "not used by Fulmar");
      }
    }
  }

  private Authentication auth(NSDictionary ike) {
    String method = String.valueOf(Plists.string(ike, "AuthenticationMethod"));
    boolean eap = Plists.flag(ike, "ExtendedAuthEnabled");
    String certUuid = Plists.string(ike, "PayloadCertificateUUID");
    Pkcs12 p12 =
        certUuid == null ? null : AppleCertificates.identity(payloads, certUuid, rb, secrets);
    String user = Plists.string(ike, "AuthName");
    Authentication.PasswordEap pe = new Authentication.PasswordEap(EapMethod.MSCHAPV2, user);
    String password = Plists.string(ike, "AuthPassword");
    if (password != null) {
      secrets.put(SecretKind.EAP_PASSWORD, password.toCharArray());
      rb.mapped("IKEv2.AuthPassword", "the keychain (EAP password)");
    }
    String psk = Plists.string(ike, "SharedSecret");
    Authentication a;
    if (method.equals("Certificate")) {
      a =
          eap
              ? new Authentication.CertificateThenEap(p12, pe)
              : new Authentication.Certificate(p12);
    } else if (method.equals("SharedSecret") && !eap) {
      a = new Authentication.Psk();
    } else {
      a = eap && p12 != null ? new Authentication.EapTls(p12, user) : pe;
      if (method.equals("SharedSecret")) {
        rb.dropped(
            "IKEv2.AuthenticationMethod SharedSecret with EAP",
            "a PSK round before EAP is not "
                + "supported; the gateway is authenticated by its certificate instead");
      } else if (!eap) {
        problems.add(
            Problem.error(
                "auth",
                "the profile has neither a certificate nor EAP (AuthenticationMethod None without"
                    + " ExtendedAuthEnabled): nothing to sign in with"));
      }
    }
    if (psk != null && a instanceof Authentication.Psk) {
      secrets.put(SecretKind.PSK, psk.toCharArray());
      rb.mapped("IKEv2.SharedSecret", "the keychain (pre-shared key)");
    }
    rb.mapped(
        "IKEv2.AuthenticationMethod " + method + (eap ? " + ExtendedAuthEnabled" : ""),
        "auth.method " + a.method());
    if (user != null) {
      rb.mapped("IKEv2.AuthName", "auth.username");
    }
    return a;
  }

  private void timersAndTransport(NSDictionary ike, Profile.Builder b) {
    Timers d = Timers.DEFAULTS;
    Duration dpd = d.dpdInterval();
    String rate = Plists.string(ike, "DeadPeerDetectionRate");
    if (rate != null && DPD.containsKey(rate)) {
      dpd = Duration.ofSeconds(DPD.get(rate));
      rb.mapped("IKEv2.DeadPeerDetectionRate " + rate, "timers.dpd " + dpd.toSeconds() + " s");
    }
    Duration keepalive = d.natKeepalive();
    Integer ka = Plists.integer(ike, "NATKeepAliveInterval");
    if (ka != null && ka >= 5 && ka <= 600) {
      keepalive = Duration.ofSeconds(ka);
      rb.mapped("IKEv2.NATKeepAliveInterval", "timers.natKeepalive");
    }
    Integer ikeLife =
        Plists.integer(Plists.dict(ike, "IKESecurityAssociationParameters"), "LifeTimeInMinutes");
    Integer childLife =
        Plists.integer(Plists.dict(ike, "ChildSecurityAssociationParameters"), "LifeTimeInMinutes");
    b.timers(
        new Timers(
            dpd,
            keepalive,
            minutes(ikeLife, d.ikeLifetime()),
            minutes(childLife, d.childLifetime())));
    Integer mtu = Plists.integer(ike, "MTU");
    boolean mobike = !Plists.flag(ike, "DisableMOBIKE");
    if (!mobike) {
      rb.mapped("IKEv2.DisableMOBIKE", "transport.mobike false");
    }
    b.transport(new Transport(mobike, true, false, mtu));
  }

  private Duration minutes(Integer m, Duration fallback) {
    if (m == null) {
      return fallback;
    }
    rb.mapped("LifeTimeInMinutes " + m, "timers lifetime");
    return Duration.ofMinutes(Math.max(5, Math.min(m, 7 * 24 * 60)));
  }

  private void network(NSDictionary vpn, NSDictionary ike, Profile.Builder b) {
    NSDictionary dns = Plists.dict(vpn, "DNS");
    if (dns != null) {
      List<IpAddress> servers = new ArrayList<>();
      for (String s : Plists.strings(dns, "ServerAddresses")) {
        IpAddress.parse(s.strip())
            .ifPresentOrElse(
                servers::add, () -> rb.dropped("DNS.ServerAddresses " + s, "not an IP address"));
      }
      b.dns(
          new Dns(
              servers,
              Plists.strings(dns, "SupplementalMatchDomains"),
              Plists.strings(dns, "SearchDomains")));
      rb.mapped(
          "DNS.ServerAddresses / SupplementalMatchDomains / SearchDomains",
          "dns.servers / splitDomains / searchDomains");
    }
    NSDictionary ipv4 = Plists.dict(vpn, "IPv4");
    if (ipv4 != null
        && ipv4.containsKey("OverridePrimary")
        && !Plists.flag(ipv4, "OverridePrimary")) {
      b.routing(new Routing(Routing.Mode.SPLIT, List.of(), List.of()));
      rb.mapped(
          "IPv4.OverridePrimary false", "tunnel.mode split (the subnets the gateway announces)");
    }
    if (Plists.flag(ike, "IncludeAllNetworks")) {
      b.killSwitch(new KillSwitch(true, Plists.flag(ike, "ExcludeLocalNetworks")));
      rb.mapped("IKEv2.IncludeAllNetworks / ExcludeLocalNetworks", "killSwitch.enabled / allowLan");
    }
    AppleOnDemand.apply(ike, b, rb);
    if (vpn.containsKey("Proxies")) {
      rb.dropped("Proxies", "HTTP proxy settings are not applied by Fulmar");
    }
  }
}
