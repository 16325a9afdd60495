package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.validate.Location;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * XML parsing with DTDs and external entities off (XXE-safe), and element helpers by local name.
 */
final class SafeXml {
  /** A document that does not parse, with where. */
  static final class XmlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    XmlException(String message, Location location) {
      super(message);
      this.location = location;
    }

    Location location() {
      return location;
    }
  }

  private SafeXml() {}

  private static final DocumentBuilderFactory NO_DOCTYPE = factory(false);
  private static final DocumentBuilderFactory DOCTYPE_IGNORED = factory(true);

  /**
   * A factory that never fetches anything: no external DTD or entity, no XInclude, secure
   * processing limits. With {@code allowDoctype} a DOCTYPE line (as in Apple plists) is accepted
   * but not loaded; otherwise it is an error.
   */
  private static DocumentBuilderFactory factory(boolean allowDoctype) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !allowDoctype);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(true);
      return f;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
    }
  }

  /** Builders are costly to create and not thread-safe: one per thread, reset before each use. */
  private static final ThreadLocal<DocumentBuilder> PROFILE_BUILDER = ThreadLocal.withInitial(() -> builder(NO_DOCTYPE));
  private static final ThreadLocal<DocumentBuilder> PLIST_BUILDER = ThreadLocal.withInitial(() -> builder(DOCTYPE_IGNORED));

  private static DocumentBuilder builder(DocumentBuilderFactory f) {
    try {
      synchronized (f) {
        return f.newDocumentBuilder();
      }
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Errors end the parse; nothing is printed (the default handler writes to stderr). */
  private static final org.xml.sax.ErrorHandler STRICT =
      new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings do not stop the parse
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      };

  static Document parse(String xml) throws XmlException {
    return parse(xml, false);
  }

  static Document parse(String xml, boolean allowDoctype) throws XmlException {
    try {
      DocumentBuilder b = (allowDoctype ? PLIST_BUILDER : PROFILE_BUILDER).get();
      b.reset();
      b.setErrorHandler(STRICT);
      b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw new XmlException(
          "not well-formed XML: " + e.getMessage(),
          new Location(Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber())));
    } catch (Exception e) {
      throw new XmlException("not readable XML: " + e.getMessage(), null);
    }
  }

  private static String name(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }

  /** Direct children with this local name. */
  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name(e).equals(localName)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String localName) {
    List<Element> c = children(parent, localName);
    return c.isEmpty() ? null : c.get(0);
  }

  /** Trimmed text of the first child with this name, or null. */
  static String text(Element parent, String localName) {
    Element e = child(parent, localName);
    return e == null ? null : e.getTextContent().strip();
  }

  /** All direct child elements. */
  static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static String localName(Element e) {
    return name(e);
  }

  /** First descendant with this local name (depth first), or null. */
  static Element find(Element root, String localName) {
    if (root == null) {
      return null;
    }
    for (Element e : elements(root)) {
      if (localName(e).equals(localName)) {
        return e;
      }
      Element deeper = find(e, localName);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }
}
