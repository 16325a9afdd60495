package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Windows Always On VPN {@code ProfileXML} (VPNv2 CSP): the IKEv2 parts of {@code NativeProfile}
 * and the routes, DNS and trigger settings next to it. Accepts the XML as is, inside a script, or
 * HTML-escaped in a SyncML/WMI wrapper.
 */
final class ProfileXmlImporter implements FormatImporter {
  private static final Set<String> USED =
      Set.of(
          "NativeProfile",
          "Route",
          "DomainNameInformation",
          "DnsSuffix",
          "TrustedNetworkDetection",
          "AlwaysOn",
          "RememberCredentials",
          "DeviceTunnel",
          "ProfileName");

  @Override
  public Format format() {
    return Format.PROFILE_XML;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    return text.contains("<VPNProfile") || text.contains("&lt;VPNProfile");
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    ReportBuilder rb = new ReportBuilder();
    String xml = extract(text, rb);
    if (xml == null) {
      return failed(Problem.error("", "the <VPNProfile> element is not closed"));
    }
    Element root;
    try {
      root = SafeXml.parse(xml).getDocumentElement();
    } catch (SafeXml.XmlException e) {
      return failed(Problem.error("VPNProfile", e.getMessage()).at(e.location()));
    }
    Element nativeProfile = SafeXml.child(root, "NativeProfile");
    if (nativeProfile == null) {
      return failed(
          Problem.error(
              "VPNProfile",
              SafeXml.child(root, "PluginProfile") != null
                  ? "this is a third-party (plug-in) VPN profile, not a Windows IKEv2 profile"
                  : "the profile has no NativeProfile element"));
    }
    String protocol = String.valueOf(SafeXml.text(nativeProfile, "NativeProtocolType"));
    if (List.of("Pptp", "L2tp", "Sstp").contains(protocol)) {
      return failed(
          Problem.error(
              "NativeProfile.NativeProtocolType",
              "the profile uses " + protocol + ", not IKEv2; Fulmar only speaks IKEv2"));
    }
    if (!protocol.equals("IKEv2")) {
      rb.note("NativeProtocolType is " + protocol + ": Fulmar uses IKEv2 only");
    }
    List<Problem> problems = new ArrayList<>();
    Profile profile = convert(root, nativeProfile, data, nameHint, rb, problems);
    reportUnused(root, nativeProfile, rb);
    return new ImportResult(
        Format.PROFILE_XML, profile, rb.build(Format.PROFILE_XML), problems, SecretBundle.empty());
  }

  private static Profile convert(
      Element root,
      Element nativeProfile,
      byte[] data,
      String nameHint,
      ReportBuilder rb,
      List<Problem> problems) {
    String name = SafeXml.text(root, "ProfileName");
    Profile.Builder b =
        Profile.builder().id(Conversions.idFor(data)).name(name != null ? name : nameHint);
    rb.mapped(name != null ? "ProfileName" : "(file name)", "name");
    b.gateways(servers(SafeXml.text(nativeProfile, "Servers"), rb, problems));
    b.auth(auth(SafeXml.child(nativeProfile, "Authentication"), rb));
    b.proposals(proposals(SafeXml.child(nativeProfile, "CryptographySuite"), rb));
    String routing = SafeXml.text(nativeProfile, "RoutingPolicyType");
    Routing.Mode mode = "SplitTunnel".equals(routing) ? Routing.Mode.SPLIT : Routing.Mode.FULL;
    if (routing != null) {
      rb.mapped("NativeProfile.RoutingPolicyType " + routing, "tunnel.mode " + mode.keyword());
    }
    WindowsNetwork.apply(root, mode, b, rb);
    return b.build();
  }

  private static void reportUnused(Element root, Element nativeProfile, ReportBuilder rb) {
    Set<String> nativeUsed =
        Set.of(
            "Servers",
            "NativeProtocolType",
            "RoutingPolicyType",
            "Authentication",
            "CryptographySuite");
    for (Element e : SafeXml.elements(nativeProfile)) {
      String n = SafeXml.localName(e);
      if (!nativeUsed.contains(n)) {
        rb.dropped(
            "NativeProfile." + n,
            n.equals("DisableClassBasedDefaultRoute")
                ? "Fulmar never adds class-based routes"
                : "not used by Fulmar");
      }
    }
    for (Element e : SafeXml.elements(root)) {
      if (!USED.contains(SafeXml.localName(e))) {
        rb.dropped(SafeXml.localName(e), "not used by Fulmar");
      }
    }
  }

  /** The VPNProfile element's text, unescaped when it came HTML-escaped. */
  private static String extract(String text, ReportBuilder rb) {
    int start = text.indexOf("<VPNProfile");
    if (start >= 0) {
      int end = text.indexOf("</VPNProfile>", start);
      return end < 0 ? null : text.substring(start, end + "</VPNProfile>".length());
    }
    start = text.indexOf("&lt;VPNProfile");
    int end = start < 0 ? -1 : text.indexOf("&lt;/VPNProfile&gt;", start);
    if (end < 0) {
      return null;
    }
    rb.note("the ProfileXML was HTML-escaped inside a wrapper (SyncML/WMI) and was unwrapped");
    return text.substring(start, end + "&lt;/VPNProfile&gt;".length())
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static List<Gateway> servers(String servers, ReportBuilder rb, List<Problem> problems) {
    List<Gateway> out = new ArrayList<>();
    for (String entry : servers == null ? new String[0] : servers.split(",")) {
      String host = entry.split(";")[0].strip();
      if (!host.isEmpty()) {
        out.add(Gateway.of(host));
      }
    }
    if (out.isEmpty()) {
      problems.add(Problem.error("gateway", "NativeProfile.Servers names no server"));
    } else {
      rb.mapped("NativeProfile.Servers", out.size() > 1 ? "gateway, fallbackGateways" : "gateway");
    }
    return out;
  }

  private static Authentication auth(Element a, ReportBuilder rb) {
    String user = SafeXml.text(a, "UserMethod");
    String machine = SafeXml.text(a, "MachineMethod");
    String method = user != null ? user : machine;
    if ("Certificate".equals(method)) {
      rb.mapped(
          "Authentication." + (user != null ? "UserMethod" : "MachineMethod") + " Certificate",
          "auth.method certificate");
      rb.note(
          "Windows takes the client certificate from its certificate store: export it with its key"
              + " as a PKCS#12 file");
      return new Authentication.Certificate(null);
    }
    Element type = SafeXml.find(SafeXml.find(a, "EapMethod"), "Type");
    String t = type == null ? "" : type.getTextContent().strip();
    if (SafeXml.find(a, "TrustedRootCA") != null) {
      rb.dropped(
          "EapHostConfig TrustedRootCA",
          "thumbprints refer to the Windows certificate store; the gateway is checked against the"
              + " system trust store unless you add the CA certificate");
    }
    switch (t) {
      case "13" -> {
        rb.mapped("Authentication.UserMethod Eap, EapMethod Type 13", "auth.method eap-tls");
        rb.note(
            "Windows takes the EAP-TLS certificate from its certificate store: export it with its"
                + " key as a PKCS#12 file");
        return new Authentication.EapTls(null, null);
      }
      case "25" -> {
        rb.dropped(
            "EapMethod Type 25 (PEAP)",
            "PEAP is not supported; EAP-MSCHAPv2 (what PEAP carries inside) "
                + "is used instead: ask the admin whether the gateway accepts it directly");
      }
      case "26" ->
          rb.mapped("Authentication.UserMethod Eap, EapMethod Type 26", "auth.method eap-mschapv2");
      default ->
          rb.dropped(
              "Authentication", "EAP type '" + t + "' is not known; EAP-MSCHAPv2 is assumed");
    }
    return new Authentication.PasswordEap(EapMethod.MSCHAPV2, null);
  }

  private static Proposals proposals(Element c, ReportBuilder rb) {
    if (c == null) {
      return Proposals.DEFAULTS;
    }
    String dh = SafeXml.text(c, "DHGroup");
    List<String> ike =
        WindowsCrypto.ike(
            SafeXml.text(c, "EncryptionMethod"), SafeXml.text(c, "IntegrityCheckMethod"), dh, rb);
    List<String> esp =
        WindowsCrypto.esp(
            SafeXml.text(c, "CipherTransformConstants"),
            SafeXml.text(c, "AuthenticationTransformConstants"),
            SafeXml.text(c, "PfsGroup"),
            dh,
            rb);
    return new Proposals(
        Conversions.ike(ike, "CryptographySuite", rb),
        Conversions.esp(esp, "CryptographySuite", rb));
  }

  private static ImportResult failed(Problem p) {
    return new ImportResult(
        Format.PROFILE_XML,
        null,
        new ReportBuilder().build(Format.PROFILE_XML),
        List.of(p),
        SecretBundle.empty());
  }
}
