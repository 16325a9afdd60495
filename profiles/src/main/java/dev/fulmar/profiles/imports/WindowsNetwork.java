package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.TrustedNetworks;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** ProfileXML's routes, NRPT (split DNS), DNS suffix, trusted network detection and triggers. */
final class WindowsNetwork {
  private WindowsNetwork() {}

  static void apply(Element root, Routing.Mode mode, Profile.Builder b, ReportBuilder rb) {
    List<Subnet> include = new ArrayList<>();
    List<Subnet> exclude = new ArrayList<>();
    for (Element r : SafeXml.children(root, "Route")) {
      String text = SafeXml.text(r, "Address") + "/" + SafeXml.text(r, "PrefixSize");
      Subnet.Result s = Subnet.parse(text);
      if (s.subnet() == null) {
        rb.dropped("Route " + text, s.error());
      } else if ("true".equalsIgnoreCase(SafeXml.text(r, "ExclusionRoute"))) {
        exclude.add(s.subnet());
      } else {
        include.add(s.subnet());
      }
    }
    if (!include.isEmpty() || !exclude.isEmpty()) {
      rb.mapped("Route", "tunnel.include / tunnel.exclude");
    }
    b.routing(new Routing(mode, mode == Routing.Mode.SPLIT ? include : List.of(), exclude));
    if (mode == Routing.Mode.FULL && !include.isEmpty()) {
      rb.dropped(
          "Route (not exclusion)", "routes to add are meaningless in a force-tunnel profile");
    }
    dns(root, b, rb);
    String trusted = SafeXml.text(root, "TrustedNetworkDetection");
    if (trusted != null) {
      b.trustedNetworks(new TrustedNetworks(List.of(), Conversions.splitList(trusted)));
      rb.mapped("TrustedNetworkDetection", "trustedNetworks.dnsSuffixes");
    }
    if ("true".equalsIgnoreCase(SafeXml.text(root, "AlwaysOn"))) {
      b.autoConnect(true);
      rb.mapped("AlwaysOn", "autoConnect");
    }
    if (SafeXml.text(root, "RememberCredentials") != null) {
      rb.dropped("RememberCredentials", "Fulmar asks whether to keep the password in the keychain");
    }
    if ("true".equalsIgnoreCase(SafeXml.text(root, "DeviceTunnel"))) {
      rb.dropped("DeviceTunnel", "device (machine) tunnels before sign-in are not supported");
    }
  }

  private static void dns(Element root, Profile.Builder b, ReportBuilder rb) {
    List<IpAddress> servers = new ArrayList<>();
    List<String> split = new ArrayList<>();
    for (Element d : SafeXml.children(root, "DomainNameInformation")) {
      String domain = SafeXml.text(d, "DomainName");
      for (String s : Conversions.splitList(String.valueOf(SafeXml.text(d, "DnsServers")))) {
        IpAddress.parse(s)
            .ifPresent(
                ip -> {
                  if (!servers.contains(ip)) {
                    servers.add(ip);
                  }
                });
      }
      if (domain != null && !domain.equals(".")) {
        split.add(domain.startsWith(".") ? domain.substring(1) : domain);
      }
    }
    List<String> suffixes = Conversions.splitList(String.valueOf(SafeXml.text(root, "DnsSuffix")));
    suffixes.remove("null");
    if (!servers.isEmpty() || !split.isEmpty() || !suffixes.isEmpty()) {
      b.dns(new Dns(servers, split, suffixes));
      rb.mapped(
          "DomainNameInformation (NRPT) / DnsSuffix", "dns.servers / splitDomains / searchDomains");
    }
  }
}
