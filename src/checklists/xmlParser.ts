import { XMLParser } from "fast-xml-parser";

/**
 * The XML parser settings the OOXML readers share: namespace prefixes dropped (w:, x:), attributes kept
 * without prefix, text kept exactly (whitespace and digits as written).
 */
export function xmlParser(options: { preserveOrder: boolean; isArray?: readonly string[] }): XMLParser {
  const arrays = new Set(options.isArray ?? []);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    preserveOrder: options.preserveOrder,
    processEntities: true,
    htmlEntities: false,
    isArray: (name, _jPath, _isLeaf, isAttribute) => !isAttribute && arrays.has(name),
  });
}
