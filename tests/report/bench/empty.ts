/** Stands in for jsPDF's optional html2canvas / DOMPurify / canvg, which the records never use. */
export default {};
