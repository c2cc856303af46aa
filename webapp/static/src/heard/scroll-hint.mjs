// A wide table scrolls sideways inside its region (templates/reports/_parts.html:
// scrollRegion). On a phone nothing showed there was more to the right, so this
// puts a short visible cue above the region, "Scroll sideways to see every
// column", only while the table is wider than the region, and ties it to the
// region (aria-describedby) so a screen reader hears it on focus too. The region
// is focusable, so arrow keys scroll it.
let count = 0

export class ScrollHint {
  constructor ($region) {
    this.$region = $region
    this.$hint = document.createElement('p')
    this.$hint.className = 'govuk-body-s heard-table-scroll__hint'
    this.$hint.id = `heard-scroll-hint-${++count}`
    this.$hint.textContent = $region.dataset.scrollHint
    this.$hint.hidden = true
    $region.parentNode.insertBefore(this.$hint, $region)
    this.update()
    if (typeof window.ResizeObserver === 'function') {
      new window.ResizeObserver(() => this.update()).observe($region)
    } else {
      window.addEventListener('resize', () => this.update())
    }
  }

  update () {
    // A pixel of rounding is not a wider table.
    const wider = this.$region.scrollWidth > this.$region.clientWidth + 1
    if (wider === !this.$hint.hidden) {
      return
    }
    this.$hint.hidden = !wider
    if (wider) {
      this.$region.setAttribute('aria-describedby', this.$hint.id)
    } else {
      this.$region.removeAttribute('aria-describedby')
    }
  }
}
