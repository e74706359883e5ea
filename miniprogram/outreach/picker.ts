// The one bottom picker a form page opens and closes (pickerVisible).
export const pickerBehavior = Behavior({
  data: { pickerVisible: false },

  methods: {
    openPicker() {
      this.setData({ pickerVisible: true });
    },

    closePicker() {
      this.setData({ pickerVisible: false });
    },
  },
});
