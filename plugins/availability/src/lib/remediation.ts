/** A remediation split into its prose and its YAML snippet. */
export interface RemediationParts {
  text: string;
  yaml?: string;
}

const fence = /```(?:ya?ml)?[^\n]*\n([\s\S]*?)```/;
const yamlLine = /^(\s*-\s+)?\s*[\w.\-/"']+:(\s|$)/;

/**
 * Splits a check's remediation into prose and a YAML snippet to copy. The
 * engine writes the snippet either in a fenced block or as the lines that
 * follow the prose; both are understood.
 */
export function splitRemediation(remediation: string): RemediationParts {
  const fenced = fence.exec(remediation);
  if (fenced) {
    const text = remediation.replace(fenced[0], '').trim();
    return { text, yaml: fenced[1].replace(/\s+$/, '') };
  }

  const lines = remediation.split('\n');
  const start = lines.findIndex(line => yamlLine.test(line));
  // A single "key: value" line is as likely prose ("Note: ...") as YAML; a
  // snippet must run to the end of the text and span several lines.
  if (start < 0) {
    return { text: remediation.trim() };
  }
  const block = lines.slice(start);
  const looksLikeYaml = block.every(
    line => line.trim() === '' || yamlLine.test(line) || /^\s+\S/.test(line),
  );
  if (!looksLikeYaml || block.length < 2) {
    return { text: remediation.trim() };
  }
  return {
    text: lines.slice(0, start).join('\n').trim(),
    yaml: block.join('\n').replace(/\s+$/, ''),
  };
}
