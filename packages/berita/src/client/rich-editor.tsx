/**
 * The rich-text editor (TipTap on ProseMirror), loaded only on the editor page. It offers what the server's
 * allow-list keeps: subheadings, lists, quotes, links, our own uploaded pictures and embeds from the allowed hosts.
 * Whatever it produces is sanitised again on the server.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Icon } from '@kota-kit/core/client';
import { useRef, type ReactNode } from 'react';
import { embedUrl } from './embed.js';
import { useT } from './translations/index.js';

/** An embedded player (iframe) from an allowed host. */
const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes: () => ({ src: { default: null }, title: { default: 'Konten tersemat' } }),
  parseHTML: () => [{ tag: 'iframe[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['iframe', mergeAttributes(HTMLAttributes, { loading: 'lazy', allowfullscreen: 'true' })],
});

export interface RichEditorProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  embedHosts: readonly string[];
  uploadImage: (file: File) => Promise<{ key: string; width: number }>;
  invalid?: boolean;
  describedBy?: string;
}

export default function RichEditor({ label, value, onChange, embedHosts, uploadImage, invalid, describedBy }: RichEditorProps) {
  const t = useT();
  const fileRef = useRef<HTMLInputElement>(null);
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: { openOnClick: false, protocols: ['https', 'http', 'mailto', 'tel'] } }), Image, Embed],
    content: value,
    immediatelyRender: true,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'bt-editor__content', ...(invalid ? { 'aria-invalid': 'true' } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) },
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
      link: current.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: { key: string; label: string; text: ReactNode; active?: boolean; run: () => void }[] = [
    { key: 'bold', label: t('editor.bold'), text: 'B', active: state.bold, run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('editor.italic'), text: 'I', active: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'h2', label: t('editor.h2'), text: 'H2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('editor.h3'), text: 'H3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bullet', label: t('editor.bullet'), text: '•', active: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: 'ordered', label: t('editor.ordered'), text: '1.', active: state.ordered, run: () => chain().toggleOrderedList().run() },
    { key: 'quote', label: t('editor.quote'), text: '“”', active: state.quote, run: () => chain().toggleBlockquote().run() },
    {
      key: 'link',
      label: t('editor.link'),
      text: 'URL',
      active: state.link,
      run: () => {
        const href = window.prompt(t('editor.linkPrompt'), editor.getAttributes('link').href ?? 'https://');
        if (href === null) return;
        if (!href.trim() || href.trim() === 'https://') chain().extendMarkRange('link').unsetLink().run();
        else if (/^(https?:|mailto:|tel:)/i.test(href.trim())) chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
      },
    },
    { key: 'image', label: t('editor.insertImage'), text: <Icon name="camera" />, run: () => fileRef.current?.click() },
    {
      key: 'embed',
      label: t('editor.embed'),
      text: '▶',
      run: () => {
        const input = window.prompt(t('editor.embedPrompt'), 'https://');
        if (!input) return;
        const src = embedUrl(input, embedHosts);
        if (!src) return window.alert(t('editor.embedRefused', { hosts: embedHosts.join(', ') }));
        chain().insertContent({ type: 'embed', attrs: { src } }).run();
      },
    },
    { key: 'undo', label: t('editor.undo'), text: '↶', run: () => chain().undo().run() },
    { key: 'redo', label: t('editor.redo'), text: '↷', run: () => chain().redo().run() },
  ];
  return (
    <div className="bt-editor">
      <div role="toolbar" aria-label={t('editor.toolbar')} className="bt-editor__toolbar">
        {tools.map((tool) => (
          <button key={tool.key} type="button" className="bt-tool" aria-label={typeof tool.text === 'string' && tool.text.length > 1 && /\w/.test(tool.text) ? `${tool.text} ${tool.label}` : tool.label} title={tool.label} aria-pressed={tool.active === undefined ? undefined : tool.active} onClick={tool.run}>
            {tool.text}
          </button>
        ))}
      </div>
      <input
        ref={fileRef}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const alt = window.prompt(t('editor.imageAlt'), '')?.trim();
          if (!alt) return;
          const { key, width } = await uploadImage(file);
          // 800 px is stored unless the picture is narrower: then its own width is.
          chain().setImage({ src: `/api/berita/images/${key}/${Math.min(800, width)}.jpg`, alt }).run();
        }}
      />
      <EditorContent editor={editor} />
    </div>
  );
}
