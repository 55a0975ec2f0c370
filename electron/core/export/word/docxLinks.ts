// The notes' external links: one relationship per address, numbered as the body streams and appended
// to word/_rels/document.xml.rels after it.
import { xmlAttr } from './wml';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

export class LinkRelations {
  private readonly ids = new Map<string, string>();

  id(url: string): string {
    let id = this.ids.get(url);
    if (!id) this.ids.set(url, (id = `rIdPzLink${this.ids.size + 1}`));
    return id;
  }

  /** The package's relationships with these links added. */
  addTo(relsXml: string): string {
    const links = [...this.ids].map(([url, id]) => `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${xmlAttr(url)}" TargetMode="External"/>`).join('');
    const end = relsXml.lastIndexOf('</Relationships>');
    if (end < 0) throw new Error('word/_rels/document.xml.rels has no </Relationships>');
    return relsXml.slice(0, end) + links + relsXml.slice(end);
  }
}
