// <field-label>: the label of a form field, with the 必填 mark (*) on a required one — the one way
// every form marks what must be filled. Put it in the field's label slot (t-input, t-textarea) or
// title slot (t-cell):
//
//   <t-input ...><field-label slot="label" text="姓名" /></t-input>
//   <t-cell ...><field-label slot="title" text="所在社区" /></t-cell>
Component({
  options: { addGlobalClass: true },

  properties: {
    text: { type: String, value: '' },
    /** A field that must be filled (the default: optional fields keep a plain label). */
    required: { type: Boolean, value: true },
  },
});
