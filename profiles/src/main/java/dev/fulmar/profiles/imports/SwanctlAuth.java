package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.imports.SwanctlParser.Section;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** The {@code local*} and {@code remote*} rounds of a swanctl connection. */
final class SwanctlAuth {
  private static final String X509CA = "/etc/swanctl/x509ca/";
  private final Section conn;
  private final ReportBuilder rb;
  private final List<Problem> problems;

  SwanctlAuth(Section conn, ReportBuilder rb, List<Problem> problems) {
    this.conn = conn;
    this.rb = rb;
    this.problems = problems;
  }

  void apply(Profile.Builder b) {
    List<Section> local = new ArrayList<>();
    List<Section> remote = new ArrayList<>();
    for (Section s : conn.sections.values()) {
      if (s.name.startsWith("local")) {
        local.add(s);
      } else if (s.name.startsWith("remote")) {
        remote.add(s);
      } else if (!s.name.equals("children")) {
        rb.dropped(s.name, "not a swanctl connection section Fulmar knows");
      }
    }
    b.auth(local(local, b));
    remote(remote, b);
  }

  private Authentication local(List<Section> rounds, Profile.Builder b) {
    Authentication.PasswordEap eap = null;
    boolean pubkey = false;
    boolean psk = false;
    boolean tls = false;
    String user = null;
    Identity localId = null;
    for (Section r : rounds) {
      String auth = String.valueOf(r.value("auth"));
      if (r.value("id") != null && localId == null) {
        localId = Identity.parse(r.value("id"));
        b.localId(localId);
        rb.mapped(r.name + ".id", "localId");
      }
      if (r.value("eap_id") != null) {
        user = r.value("eap_id");
        rb.mapped(r.name + ".eap_id", "auth.username");
      }
      EapMethod m = EapMethod.byKeyword(auth.equals("eap") ? "eap-mschapv2" : auth);
      if (auth.equals("pubkey")
          || auth.startsWith("pubkey-")
          || auth.startsWith("rsa")
          || auth.startsWith("ecdsa")) {
        pubkey = true;
      } else if (auth.equals("psk")) {
        psk = true;
      } else if (m == EapMethod.TLS) {
        tls = true;
      } else if (m != null) {
        eap = new Authentication.PasswordEap(m, null);
      } else {
        rb.dropped(
            r.name + ".auth " + auth,
            auth.startsWith("xauth") ? "XAuth is IKEv1 only" : "not supported by Fulmar");
      }
      rb.mapped(r.name + ".auth " + auth, "auth");
      dropRoundExtras(r);
    }
    if (eap != null && user == null && localId != null) {
      user = localId.value();
    }
    Authentication.PasswordEap withUser =
        eap == null ? null : new Authentication.PasswordEap(eap.eap(), user);
    if (pubkey && withUser != null) {
      return new Authentication.CertificateThenEap(null, withUser);
    }
    if (pubkey) {
      return new Authentication.Certificate(null);
    }
    if (tls) {
      return new Authentication.EapTls(null, user);
    }
    if (withUser != null) {
      return withUser;
    }
    if (psk) {
      return new Authentication.Psk();
    }
    problems.add(
        Problem.error("auth", "the connection has no local authentication round Fulmar can use"));
    return new Authentication.Psk();
  }

  private void dropRoundExtras(Section r) {
    if (r.value("certs") != null) {
      rb.dropped(
          r.name + ".certs " + r.value("certs"),
          "Fulmar needs the certificate and its key as one PKCS#12 file");
    }
    for (Section s : r.sections.values()) {
      rb.dropped(r.name + "." + s.name, "smartcard/PKCS#11 certificates are not supported");
    }
  }

  private void remote(List<Section> rounds, Profile.Builder b) {
    List<CaCertificate> cas = new ArrayList<>();
    for (Section r : rounds) {
      if (r.value("id") != null && b.build().remoteId() == null && !r.value("id").equals("%any")) {
        b.remoteId(Identity.parse(r.value("id")));
        rb.mapped(r.name + ".id", "remoteId");
      }
      for (String ca : Conversions.splitList(String.valueOf(r.value("cacerts")))) {
        if (!ca.equals("null")) {
          cas.add(new CaCertificate.FileRef(ca.startsWith("/") ? ca : X509CA + ca));
          rb.mapped(
              r.name + ".cacerts " + ca,
              "trust.caCertificates (file " + (ca.startsWith("/") ? ca : X509CA + ca) + ")");
        }
      }
      String auth = String.valueOf(r.value("auth"));
      if (auth.equals("psk")) {
        rb.note("the gateway authenticates with the pre-shared key too (remote auth = psk)");
      }
      for (String key : r.values.keySet()) {
        if (!List.of("id", "cacerts", "auth").contains(key)) {
          rb.dropped(r.name + "." + key, "not used by Fulmar");
        }
      }
    }
    if (!cas.isEmpty()) {
      b.trust(new Trust(cas, List.of(), false));
    }
  }
}
