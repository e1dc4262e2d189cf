/*! Cramp Guard card (MIT). Bundles lit, @lit/reactive-element and lit-html: Copyright 2017 Google LLC, BSD-3-Clause. */
var e=globalThis,t=e.ShadowRoot&&(e.ShadyCSS===void 0||e.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,n=Symbol(),r=new WeakMap,i=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==n)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,n=this.t;if(t&&e===void 0){let t=n!==void 0&&n.length===1;t&&(e=r.get(n)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),t&&r.set(n,e))}return e}toString(){return this.cssText}},a=e=>new i(typeof e==`string`?e:e+``,void 0,n),o=(e,...t)=>new i(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,n),s=(n,r)=>{if(t)n.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let t of r){let r=document.createElement(`style`),i=e.litNonce;i!==void 0&&r.setAttribute(`nonce`,i),r.textContent=t.cssText,n.appendChild(r)}},c=t?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return a(t)})(e):e,{is:l,defineProperty:u,getOwnPropertyDescriptor:d,getOwnPropertyNames:ee,getOwnPropertySymbols:te,getPrototypeOf:ne}=Object,f=globalThis,re=f.trustedTypes,ie=re?re.emptyScript:``,ae=f.reactiveElementPolyfillSupport,p=(e,t)=>e,m={toAttribute(e,t){switch(t){case Boolean:e=e?ie:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},oe=(e,t)=>!l(e,t),h={attribute:!0,type:String,converter:m,reflect:!1,useDefault:!1,hasChanged:oe};Symbol.metadata??=Symbol(`metadata`),f.litPropertyMetadata??=new WeakMap;var g=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=h){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&u(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??h}static _$Ei(){if(this.hasOwnProperty(p(`elementProperties`)))return;let e=ne(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(p(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(p(`properties`))){let e=this.properties,t=[...ee(e),...te(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(c(e))}else e!==void 0&&t.push(c(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return s(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?m:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?m:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??oe)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};g.elementStyles=[],g.shadowRootOptions={mode:`open`},g[p(`elementProperties`)]=new Map,g[p(`finalized`)]=new Map,ae?.({ReactiveElement:g}),(f.reactiveElementVersions??=[]).push(`2.1.2`);var _=globalThis,se=e=>e,v=_.trustedTypes,ce=v?v.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,le=`$lit$`,y=`lit$${Math.random().toFixed(9).slice(2)}$`,ue=`?`+y,de=`<${ue}>`,b=document,x=()=>b.createComment(``),S=e=>e===null||typeof e!=`object`&&typeof e!=`function`,C=Array.isArray,fe=e=>C(e)||typeof e?.[Symbol.iterator]==`function`,w=`[ 	
\f\r]`,T=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,pe=/-->/g,me=/>/g,E=RegExp(`>|${w}(?:([^\\s"'>=/]+)(${w}*=${w}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),he=/'/g,ge=/"/g,D=/^(?:script|style|textarea|title)$/i,_e=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),O=_e(1),k=_e(2),A=Symbol.for(`lit-noChange`),j=Symbol.for(`lit-nothing`),ve=new WeakMap,M=b.createTreeWalker(b,129);function ye(e,t){if(!C(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ce===void 0?t:ce.createHTML(t)}var be=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=T;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===T?c[1]===`!--`?o=pe:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=E):(D.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=E):o=me:o===E?c[0]===`>`?(o=i??T,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?E:c[3]===`"`?ge:he):o===ge||o===he?o=E:o===pe||o===me?o=T:(o=E,i=void 0);let d=o===E&&e[t+1].startsWith(`/>`)?` `:``;a+=o===T?n+de:l>=0?(r.push(s),n.slice(0,l)+le+n.slice(l)+y+d):n+y+(l===-2?t:d)}return[ye(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},N=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=be(t,n);if(this.el=e.createElement(l,r),M.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=M.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(le)){let t=u[o++],n=i.getAttribute(e).split(y),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Se:r[1]===`?`?Ce:r[1]===`@`?we:I}),i.removeAttribute(e)}else e.startsWith(y)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(D.test(i.tagName)){let e=i.textContent.split(y),t=e.length-1;if(t>0){i.textContent=v?v.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],x()),M.nextNode(),c.push({type:2,index:++a});i.append(e[t],x())}}}else if(i.nodeType===8){if(i.data===ue)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(y,e+1))!==-1;)c.push({type:7,index:a}),e+=y.length-1}}a++}}static createElement(e,t){let n=b.createElement(`template`);return n.innerHTML=e,n}};function P(e,t,n=e,r){if(t===A)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=S(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=P(e,i._$AS(e,t.values),i,r)),t}var xe=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??b).importNode(t,!0);M.currentNode=r;let i=M.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new F(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Te(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=M.nextNode(),a++)}return M.currentNode=b,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},F=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=j,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=P(this,e,t),S(e)?e===j||e==null||e===``?(this._$AH!==j&&this._$AR(),this._$AH=j):e!==this._$AH&&e!==A&&this._(e):e._$litType$===void 0?e.nodeType===void 0?fe(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==j&&S(this._$AH)?this._$AA.nextSibling.data=e:this.T(b.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=N.createElement(ye(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new xe(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=ve.get(e.strings);return t===void 0&&ve.set(e.strings,t=new N(e)),t}k(t){C(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(x()),this.O(x()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=se(e).nextSibling;se(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},I=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=j,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=j}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=P(this,e,t,0),a=!S(e)||e!==this._$AH&&e!==A,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=P(this,r[n+o],t,o),s===A&&(s=this._$AH[o]),a||=!S(s)||s!==this._$AH[o],s===j?e=j:e!==j&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===j?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Se=class extends I{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===j?void 0:e}},Ce=class extends I{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==j)}},we=class extends I{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=P(this,e,t,0)??j)===A)return;let n=this._$AH,r=e===j&&n!==j||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==j&&(n===j||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Te=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){P(this,e)}};(0,_.litHtmlPolyfillSupport)?.(N,F),(_.litHtmlVersions??=[]).push(`3.3.3`);var Ee=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new F(t.insertBefore(x(),e),e,void 0,n??{})}return i._$AI(e),i},L=globalThis,R=class extends g{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ee(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return A}};R._$litElement$=!0,R.finalized=!0,L.litElementHydrateSupport?.({LitElement:R}),(0,L.litElementPolyfillSupport)?.({LitElement:R}),(L.litElementVersions??=[]).push(`4.2.2`);var z=2e3,De=8e3,Oe={glass:`water`,stretch:`stretch`,cramp:`cramp`};function ke(e,t,n){e.dispatchEvent(new CustomEvent(t,{detail:n,bubbles:!0,composed:!0}))}function Ae(e,t){t&&ke(e,`hass-more-info`,{entityId:t})}var je=class{constructor(e,t){this._host=e,this._context=t,this.pressed={},this._pressTimers={},e.addController(this)}hostDisconnected(){for(let e of Object.values(this._pressTimers))clearTimeout(e);this._pressTimers={},clearTimeout(this._undoTimer),this._setUndo(void 0)}async press(e,t){let{hass:n}=this._context();if(!n||!t)return;let r=`done`;try{await n.callService(`button`,`press`,{entity_id:t})}catch{r=`failed`}this._setPressed({...this.pressed,[e]:r}),clearTimeout(this._pressTimers[e]),this._pressTimers[e]=setTimeout(()=>this._clearPressed(e),z),r===`done`&&this._offerUndo({kind:e,state:`offer`},De)}async undoLast(e){let{hass:t,entryId:n}=this._context();if(!t||!n)return;let r=`done`;try{await t.callService(`cramp_guard`,`undo_log`,{config_entry_id:n,kind:Oe[e]})}catch{r=`failed`}this._clearPressed(e),this._offerUndo({kind:e,state:r},z)}_clearPressed(e){let{[e]:t,...n}=this.pressed;this._setPressed(n)}_setPressed(e){this.pressed=e,this._host.requestUpdate()}_setUndo(e){this.undo=e,this._host.requestUpdate()}_offerUndo(e,t){this._setUndo(e),clearTimeout(this._undoTimer),this._undoTimer=setTimeout(()=>this._setUndo(void 0),t)}},Me=3e4;function B(e,t,n){if(!e.get(t))try{e.define(t,n)}catch{e.define(t,class extends n{})}}function V(e,t){let n=window.customElements;B(n,e,t);let r=()=>{let r=globalThis.window?.customElements;return!r||(r!==n&&B(r,e,t),!!r.get(`home-assistant`)&&!!r.get(e))};n.whenDefined(`home-assistant`).then(r);let i=Date.now()+Me,a=setInterval(()=>{(r()||Date.now()>i)&&clearInterval(a)},250)}var Ne={title:`Krampfrisiko`,loading:`Cramp Guard wird geladen…`,not_found:`Diese Person wurde in Cramp Guard nicht gefunden. Wähle in den Karteneinstellungen eine Person aus.`,not_loaded:`Cramp Guard ist gerade nicht geladen (wird neu geladen oder ist deaktiviert). Neuer Versuch folgt…`,error:`Cramp Guard ist gerade nicht erreichbar. Neuer Versuch folgt…`,no_readings:`Noch keine Messwerte`,no_readings_hint:`Das Risiko erscheint, sobald eine der Quellen einen Wert meldet.`,gauge_label:`Krampfrisiko {score} %, {level}. Details anzeigen`,gauge_label_unavailable:`Krampfrisiko: noch keine Messwerte. Details anzeigen`,"level.low":`niedrig`,"level.moderate":`mäßig`,"level.high":`hoch`,"level.very_high":`sehr hoch`,factors:`Was dazu beiträgt`,"factor.hydration":`zu wenig getrunken`,"factor.heat":`warmer Raum`,"factor.stretch":`heute nicht gedehnt`,"factor.workload":`mehr Aktivität als sonst`,"factor.exertion":`heute starke Anstrengung`,"factor.timing":`Abend- und Nachtstunden`,no_factors:`Gerade erhöht nichts das Risiko.`,"history.recent_cramp":`kürzlicher Krampf`,"history.cramp_prone":`krampfanfällig`,"history.other":`frühere Krämpfe`,total:`Summe`,not_measured:`Nicht gemessen: {list}`,"source.hydration":`Trinkmenge`,"source.heat":`Raumtemperatur`,"source.stretch":`Dehnübungen`,"source.workload":`Aktivitätsverlauf`,"source.exertion":`Aktivität`,"source.timing":`Tageszeit`,confidence_line:`Zuverlässigkeit: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`niedrig`,"confidence.medium":`mittel`,"confidence.high":`hoch`,"hint.no_workload_history":`Aktivitätsverlauf: {known} von {needed} Tagen`,"hint.no_activity_source":`keine Aktivitätsquelle`,"hint.no_room_temperature":`keine Raumtemperatur`,"hint.no_water_logged":`heute noch kein Wasser erfasst`,"hint.no_recent_stretch":`in letzter Zeit keine Dehnung erfasst`,"hint.source_out":`eine Quelle ist nicht verfügbar`,water:`Wasser heute`,water_line:`{today} von {target} mL - bis jetzt fällig {expected} mL`,water_line_no_pace:`{today} von {target} mL`,water_line_no_target:`{today} mL heute`,"button.glass":`+1 Glas ({ml} mL)`,"button.glass_plain":`+1 Glas`,"button.stretch":`Gedehnt`,"button.cramp":`Krampf`,"button_label.glass":`Ein Glas Wasser erfassen`,"button_label.stretch":`Eine Dehnung erfassen`,"button_label.cramp":`Einen Krampf erfassen`,logged:`Erfasst`,log_failed:`Nicht erfasst`,"undo.glass":`Glas erfasst`,"undo.stretch":`Dehnen erfasst`,"undo.cramp":`Krampf erfasst`,undo:`Rückgängig`,undone:`Rückgängig gemacht`,undo_failed:`Rückgängig machen fehlgeschlagen`,why:`Warum?`,why_hide:`Ausblenden`,"why.compare":`Der Wert vergleicht den heutigen Tag mit Situationen, die die Forschung mit Muskelkrämpfen in Verbindung bringt.`,"why.strong":`Am besten belegt sind mehr oder härtere Belastung als gewohnt und Ermüdung. Frühere Krämpfe sind der stärkste persönliche Faktor, daher vervielfacht ein kürzlicher Krampf oder Krampfanfälligkeit den Wert.`,"why.weak":`Für Hitze, zu wenig Trinken und fehlendes Dehnen ist die Beweislage schwächer, daher geben sie weniger Punkte.`,"why.index":`Der Wert ist ein relativer Index von 0 bis 100, keine Wahrscheinlichkeit: Niemand kann einen Krampf vorhersagen.`,not_medical_advice:`Allgemeine Informationen, keine medizinische Beratung.`,see_professional:`In letzter Zeit gab es häufig Krämpfe. Bitte lass dich ärztlich beraten, besonders wenn sie stark sind, mit Schwellung, Rötung, Schwäche oder Taubheit einhergehen, den Schlaf stören oder mit einem neuen Medikament begonnen haben.`,"editor.person":`Person`,"editor.no_people":`Es ist noch keine Person in Cramp Guard eingerichtet. Füge eine unter Einstellungen > Geräte & Dienste hinzu.`},H={title:`Cramp risk`,loading:`Loading Cramp Guard…`,not_found:`This Cramp Guard person was not found. Choose a person in the card's settings.`,not_loaded:`Cramp Guard is not loaded right now (reloading or disabled). Trying again…`,error:`Cramp Guard cannot be reached right now. Trying again…`,no_readings:`No readings yet`,no_readings_hint:`The risk appears as soon as one of the sources reports.`,gauge_label:`Cramp risk {score} %, {level}. Show details`,gauge_label_unavailable:`Cramp risk: no readings yet. Show details`,"level.low":`low`,"level.moderate":`moderate`,"level.high":`high`,"level.very_high":`very high`,factors:`What adds to it`,"factor.hydration":`behind on water`,"factor.heat":`warm room`,"factor.stretch":`no stretch today`,"factor.workload":`more activity than usual`,"factor.exertion":`hard effort today`,"factor.timing":`evening / night hours`,no_factors:`Nothing adds to the risk right now.`,"history.recent_cramp":`recent cramp`,"history.cramp_prone":`cramp-prone`,"history.other":`cramp history`,total:`total`,not_measured:`Not measured: {list}`,"source.hydration":`water intake`,"source.heat":`room temperature`,"source.stretch":`stretches`,"source.workload":`activity history`,"source.exertion":`activity`,"source.timing":`time of day`,confidence_line:`Confidence: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`low`,"confidence.medium":`medium`,"confidence.high":`high`,"hint.no_workload_history":`activity history: {known} of {needed} days`,"hint.no_activity_source":`no activity source`,"hint.no_room_temperature":`no room temperature`,"hint.no_water_logged":`no water logged today`,"hint.no_recent_stretch":`no stretch logged recently`,"hint.source_out":`a source is unavailable`,water:`Water today`,water_line:`{today} of {target} mL - due by now {expected} mL`,water_line_no_pace:`{today} of {target} mL`,water_line_no_target:`{today} mL today`,"button.glass":`+1 glass ({ml} mL)`,"button.glass_plain":`+1 glass`,"button.stretch":`Stretched`,"button.cramp":`Cramp`,"button_label.glass":`Log a glass of water`,"button_label.stretch":`Log a stretch`,"button_label.cramp":`Log a cramp`,logged:`Logged`,log_failed:`Not logged`,"undo.glass":`Glass logged`,"undo.stretch":`Stretch logged`,"undo.cramp":`Cramp logged`,undo:`Undo`,undone:`Undone`,undo_failed:`Could not undo`,why:`Why?`,why_hide:`Hide`,"why.compare":`The score compares today with situations that research links to muscle cramps.`,"why.strong":`The best-supported drivers are doing more or harder work than usual, and fatigue. Earlier cramps are the strongest personal factor, so a recent cramp or being cramp-prone multiplies the score.`,"why.weak":`Heat, being behind on water and not stretching have weaker evidence, so they add fewer points.`,"why.index":`The score is a relative index from 0 to 100, not a probability: nobody can predict a cramp.`,not_medical_advice:`General information, not medical advice.`,see_professional:`Cramps have been frequent lately. Please see a health professional, especially when they are severe, come with swelling, redness, weakness or numbness, disturb your sleep, or began with a new medicine.`,"editor.person":`Person`,"editor.no_people":`No Cramp Guard person is set up yet. Add one under Settings > Devices & services.`},U={en:H,de:Ne,fr:{title:`Risque de crampe`,loading:`Chargement de Cramp Guard…`,not_found:`Cette personne est introuvable dans Cramp Guard. Choisissez une personne dans les paramètres de la carte.`,not_loaded:`Cramp Guard n'est pas chargé pour le moment (rechargement ou désactivé). Nouvel essai en cours…`,error:`Cramp Guard est injoignable pour le moment. Nouvel essai en cours…`,no_readings:`Pas encore de mesures`,no_readings_hint:`Le risque s'affiche dès qu'une des sources transmet une valeur.`,gauge_label:`Risque de crampe {score} %, {level}. Afficher les détails`,gauge_label_unavailable:`Risque de crampe\xA0: pas encore de mesures. Afficher les détails`,"level.low":`faible`,"level.moderate":`modéré`,"level.high":`élevé`,"level.very_high":`très élevé`,factors:`Ce qui y contribue`,"factor.hydration":`retard d'hydratation`,"factor.heat":`pièce chaude`,"factor.stretch":`pas d'étirement aujourd'hui`,"factor.workload":`plus d'activité que d'habitude`,"factor.exertion":`effort intense aujourd'hui`,"factor.timing":`soirée / nuit`,no_factors:`Rien n'augmente le risque pour le moment.`,"history.recent_cramp":`crampe récente`,"history.cramp_prone":`sujet aux crampes`,"history.other":`crampes passées`,total:`total`,not_measured:`Non mesuré\xA0: {list}`,"source.hydration":`boissons`,"source.heat":`température de la pièce`,"source.stretch":`étirements`,"source.workload":`historique d'activité`,"source.exertion":`activité`,"source.timing":`moment de la journée`,confidence_line:`Fiabilité\xA0: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`faible`,"confidence.medium":`moyenne`,"confidence.high":`élevée`,"hint.no_workload_history":`historique d'activité : {known} jours sur {needed}`,"hint.no_activity_source":`aucune source d'activité`,"hint.no_room_temperature":`aucune température de pièce`,"hint.no_water_logged":`aucune boisson enregistrée aujourd'hui`,"hint.no_recent_stretch":`aucun étirement enregistré récemment`,"hint.source_out":`une source est indisponible`,water:`Eau aujourd'hui`,water_line:`{today} sur {target} mL - attendu à cette heure {expected} mL`,water_line_no_pace:`{today} sur {target} mL`,water_line_no_target:`{today} mL aujourd'hui`,"button.glass":`+1 verre ({ml} mL)`,"button.glass_plain":`+1 verre`,"button.stretch":`Étiré`,"button.cramp":`Crampe`,"button_label.glass":`Enregistrer un verre d'eau`,"button_label.stretch":`Enregistrer un étirement`,"button_label.cramp":`Enregistrer une crampe`,logged:`Enregistré`,log_failed:`Non enregistré`,"undo.glass":`Verre noté`,"undo.stretch":`Étirement noté`,"undo.cramp":`Crampe notée`,undo:`Annuler`,undone:`Annulé`,undo_failed:`Impossible d'annuler`,why:`Pourquoi\xA0?`,why_hide:`Masquer`,"why.compare":`Le score compare aujourd'hui à des situations que la recherche associe aux crampes musculaires.`,"why.strong":`Les facteurs les mieux établis sont un effort plus important ou plus intense que d'habitude et la fatigue. Les crampes passées sont le facteur personnel le plus fort\xA0: une crampe récente ou une tendance aux crampes multiplie donc le score.`,"why.weak":`Pour la chaleur, le manque d'eau et l'absence d'étirement, les preuves sont plus faibles\xA0: ils ajoutent donc moins de points.`,"why.index":`Le score est un indice relatif de 0 à 100, pas une probabilité\xA0: personne ne peut prédire une crampe.`,not_medical_advice:`Informations générales, pas un avis médical.`,see_professional:`Les crampes ont été fréquentes ces derniers temps. Consultez un professionnel de santé, surtout si elles sont fortes, s'accompagnent de gonflement, de rougeur, de faiblesse ou d'engourdissement, perturbent votre sommeil ou ont commencé avec un nouveau médicament.`,"editor.person":`Personne`,"editor.no_people":`Aucune personne n'est encore configurée dans Cramp Guard. Ajoutez-en une dans Paramètres > Appareils et services.`},es:{title:`Riesgo de calambres`,loading:`Cargando Cramp Guard…`,not_found:`No se encuentra esta persona en Cramp Guard. Elige una persona en la configuración de la tarjeta.`,not_loaded:`Cramp Guard no está cargado en este momento (se está recargando o está desactivado). Volviendo a intentarlo…`,error:`No se puede conectar con Cramp Guard en este momento. Volviendo a intentarlo…`,no_readings:`Todavía no hay datos`,no_readings_hint:`El riesgo aparece en cuanto una de las fuentes envía un valor.`,gauge_label:`Riesgo de calambres {score} %, {level}. Ver detalles`,gauge_label_unavailable:`Riesgo de calambres: todavía no hay datos. Ver detalles`,"level.low":`bajo`,"level.moderate":`moderado`,"level.high":`alto`,"level.very_high":`muy alto`,factors:`Qué lo aumenta`,"factor.hydration":`vas retrasado con el agua`,"factor.heat":`habitación cálida`,"factor.stretch":`sin estirar hoy`,"factor.workload":`más actividad de lo habitual`,"factor.exertion":`esfuerzo intenso hoy`,"factor.timing":`horas de tarde / noche`,no_factors:`Ahora mismo nada aumenta el riesgo.`,"history.recent_cramp":`calambre reciente`,"history.cramp_prone":`propenso a calambres`,"history.other":`calambres anteriores`,total:`total`,not_measured:`Sin medir: {list}`,"source.hydration":`agua bebida`,"source.heat":`temperatura de la habitación`,"source.stretch":`estiramientos`,"source.workload":`historial de actividad`,"source.exertion":`actividad`,"source.timing":`hora del día`,confidence_line:`Fiabilidad: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`baja`,"confidence.medium":`media`,"confidence.high":`alta`,"hint.no_workload_history":`historial de actividad: {known} de {needed} días`,"hint.no_activity_source":`sin fuente de actividad`,"hint.no_room_temperature":`sin temperatura de la habitación`,"hint.no_water_logged":`hoy no se ha registrado agua`,"hint.no_recent_stretch":`no se han registrado estiramientos recientes`,"hint.source_out":`una fuente no está disponible`,water:`Agua hoy`,water_line:`{today} de {target} mL - lo previsto a esta hora: {expected} mL`,water_line_no_pace:`{today} de {target} mL`,water_line_no_target:`{today} mL hoy`,"button.glass":`+1 vaso ({ml} mL)`,"button.glass_plain":`+1 vaso`,"button.stretch":`He estirado`,"button.cramp":`Calambre`,"button_label.glass":`Registrar un vaso de agua`,"button_label.stretch":`Registrar un estiramiento`,"button_label.cramp":`Registrar un calambre`,logged:`Registrado`,log_failed:`No registrado`,"undo.glass":`Vaso registrado`,"undo.stretch":`Estiramiento registrado`,"undo.cramp":`Calambre registrado`,undo:`Deshacer`,undone:`Deshecho`,undo_failed:`No se pudo deshacer`,why:`¿Por qué?`,why_hide:`Ocultar`,"why.compare":`La puntuación compara el día de hoy con situaciones que la investigación relaciona con los calambres musculares.`,"why.strong":`Los factores mejor respaldados son un esfuerzo mayor o más intenso de lo habitual y la fatiga. Los calambres anteriores son el factor personal más fuerte, por eso un calambre reciente o la tendencia a tenerlos multiplica la puntuación.`,"why.weak":`El calor, beber poco y no estirar tienen pruebas más débiles, así que suman menos puntos.`,"why.index":`La puntuación es un índice relativo de 0 a 100, no una probabilidad: nadie puede predecir un calambre.`,not_medical_advice:`Información general, no consejo médico.`,see_professional:`Últimamente los calambres han sido frecuentes. Consulta a un profesional sanitario, sobre todo si son intensos, van acompañados de hinchazón, enrojecimiento, debilidad u hormigueo, alteran el sueño o empezaron con un medicamento nuevo.`,"editor.person":`Persona`,"editor.no_people":`Todavía no hay ninguna persona configurada en Cramp Guard. Añade una en Ajustes > Dispositivos y servicios.`},nl:{title:`Risico op kramp`,loading:`Cramp Guard wordt geladen…`,not_found:`Deze persoon is niet gevonden in Cramp Guard. Kies een persoon in de instellingen van de kaart.`,not_loaded:`Cramp Guard is nu niet geladen (wordt opnieuw geladen of is uitgeschakeld). Opnieuw proberen…`,error:`Cramp Guard is nu niet bereikbaar. Opnieuw proberen…`,no_readings:`Nog geen metingen`,no_readings_hint:`Het risico verschijnt zodra een van de bronnen een waarde doorgeeft.`,gauge_label:`Risico op kramp {score} %, {level}. Details tonen`,gauge_label_unavailable:`Risico op kramp: nog geen metingen. Details tonen`,"level.low":`laag`,"level.moderate":`matig`,"level.high":`hoog`,"level.very_high":`zeer hoog`,factors:`Wat eraan bijdraagt`,"factor.hydration":`achter met drinken`,"factor.heat":`warme kamer`,"factor.stretch":`vandaag niet gerekt`,"factor.workload":`meer activiteit dan gewoonlijk`,"factor.exertion":`zware inspanning vandaag`,"factor.timing":`avond- en nachturen`,no_factors:`Op dit moment verhoogt niets het risico.`,"history.recent_cramp":`recente kramp`,"history.cramp_prone":`krampgevoelig`,"history.other":`eerdere krampen`,total:`totaal`,not_measured:`Niet gemeten: {list}`,"source.hydration":`drinken`,"source.heat":`kamertemperatuur`,"source.stretch":`rekoefeningen`,"source.workload":`activiteitsgeschiedenis`,"source.exertion":`activiteit`,"source.timing":`tijdstip`,confidence_line:`Betrouwbaarheid: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`laag`,"confidence.medium":`gemiddeld`,"confidence.high":`hoog`,"hint.no_workload_history":`activiteitsgeschiedenis: {known} van {needed} dagen`,"hint.no_activity_source":`geen activiteitsbron`,"hint.no_room_temperature":`geen kamertemperatuur`,"hint.no_water_logged":`vandaag nog geen water geregistreerd`,"hint.no_recent_stretch":`de laatste tijd geen rekoefening geregistreerd`,"hint.source_out":`een bron is niet beschikbaar`,water:`Water vandaag`,water_line:`{today} van {target} mL - nu verwacht {expected} mL`,water_line_no_pace:`{today} van {target} mL`,water_line_no_target:`{today} mL vandaag`,"button.glass":`+1 glas ({ml} mL)`,"button.glass_plain":`+1 glas`,"button.stretch":`Gerekt`,"button.cramp":`Kramp`,"button_label.glass":`Een glas water registreren`,"button_label.stretch":`Een rekoefening registreren`,"button_label.cramp":`Een kramp registreren`,logged:`Geregistreerd`,log_failed:`Niet geregistreerd`,"undo.glass":`Glas geregistreerd`,"undo.stretch":`Rekken geregistreerd`,"undo.cramp":`Kramp geregistreerd`,undo:`Ongedaan maken`,undone:`Ongedaan gemaakt`,undo_failed:`Ongedaan maken mislukt`,why:`Waarom?`,why_hide:`Verbergen`,"why.compare":`De score vergelijkt vandaag met situaties die onderzoek in verband brengt met spierkrampen.`,"why.strong":`Het best onderbouwd zijn meer of zwaardere inspanning dan gewoonlijk en vermoeidheid. Eerdere krampen zijn de sterkste persoonlijke factor; daarom vermenigvuldigt een recente kramp of krampgevoeligheid de score.`,"why.weak":`Voor warmte, te weinig drinken en niet rekken is het bewijs zwakker, dus tellen ze minder punten.`,"why.index":`De score is een relatieve index van 0 tot 100, geen kans: niemand kan een kramp voorspellen.`,not_medical_advice:`Algemene informatie, geen medisch advies.`,see_professional:`De laatste tijd had je vaak kramp. Raadpleeg een zorgverlener, vooral als de krampen hevig zijn, samengaan met zwelling, roodheid, zwakte of gevoelloosheid, je slaap verstoren of begonnen met een nieuw medicijn.`,"editor.person":`Persoon`,"editor.no_people":`Er is nog geen persoon ingesteld in Cramp Guard. Voeg er een toe via Instellingen > Apparaten & diensten.`},he:{title:`סיכון להתכווצויות`,loading:`Cramp Guard נטען…`,not_found:`האדם הזה לא נמצא ב-Cramp Guard. יש לבחור אדם בהגדרות הכרטיס.`,not_loaded:`Cramp Guard לא טעון כרגע (בטעינה מחדש או מושבת). מנסה שוב…`,error:`אין כרגע חיבור ל-Cramp Guard. מנסה שוב…`,no_readings:`אין עדיין מדידות`,no_readings_hint:`הסיכון יוצג ברגע שאחד המקורות ידווח ערך.`,gauge_label:`סיכון להתכווצויות {score} %, {level}. הצגת פרטים`,gauge_label_unavailable:`סיכון להתכווצויות: אין עדיין מדידות. הצגת פרטים`,"level.low":`נמוך`,"level.moderate":`בינוני`,"level.high":`גבוה`,"level.very_high":`גבוה מאוד`,factors:`מה מעלה אותו`,"factor.hydration":`פיגור בשתיית מים`,"factor.heat":`חדר חם`,"factor.stretch":`בלי מתיחות היום`,"factor.workload":`יותר פעילות מהרגיל`,"factor.exertion":`מאמץ קשה היום`,"factor.timing":`שעות הערב / הלילה`,no_factors:`כרגע שום דבר לא מעלה את הסיכון.`,"history.recent_cramp":`התכווצות לאחרונה`,"history.cramp_prone":`נטייה להתכווצויות`,"history.other":`התכווצויות קודמות`,total:`סה"כ`,not_measured:`לא נמדד: {list}`,"source.hydration":`שתייה`,"source.heat":`טמפרטורת החדר`,"source.stretch":`מתיחות`,"source.workload":`היסטוריית פעילות`,"source.exertion":`פעילות`,"source.timing":`השעה ביום`,confidence_line:`מהימנות: {confidence}`,confidence_with_hint:`{level} - {hint}`,"confidence.low":`נמוכה`,"confidence.medium":`בינונית`,"confidence.high":`גבוהה`,"hint.no_workload_history":`היסטוריית פעילות: {known} מתוך {needed} ימים`,"hint.no_activity_source":`אין מקור פעילות`,"hint.no_room_temperature":`אין טמפרטורת חדר`,"hint.no_water_logged":`לא נרשמו מים היום`,"hint.no_recent_stretch":`לא נרשמו מתיחות לאחרונה`,"hint.source_out":`אחד המקורות אינו זמין`,water:`מים היום`,water_line:`{today} מתוך {target} מ״ל - עד עכשיו נדרשו {expected} מ״ל`,water_line_no_pace:`{today} מתוך {target} מ״ל`,water_line_no_target:`{today} מ״ל היום`,"button.glass":`+1 כוס ({ml} מ״ל)`,"button.glass_plain":`+1 כוס`,"button.stretch":`התמתחתי`,"button.cramp":`התכווצות`,"button_label.glass":`רישום כוס מים`,"button_label.stretch":`רישום מתיחה`,"button_label.cramp":`רישום התכווצות`,logged:`נרשם`,log_failed:`לא נרשם`,"undo.glass":`כוס נרשמה`,"undo.stretch":`מתיחה נרשמה`,"undo.cramp":`התכווצות נרשמה`,undo:`ביטול`,undone:`בוטל`,undo_failed:`לא ניתן לבטל`,why:`למה?`,why_hide:`הסתרה`,"why.compare":`הציון משווה את היום למצבים שהמחקר מקשר להתכווצויות שרירים.`,"why.strong":`הגורמים המבוססים ביותר הם עבודה רבה או קשה מהרגיל ועייפות. התכווצויות קודמות הן הגורם האישי החזק ביותר, ולכן התכווצות לאחרונה או נטייה להתכווצויות מכפילות את הציון.`,"why.weak":`לחום, למחסור בשתייה ולהיעדר מתיחות יש ראיות חלשות יותר, ולכן הם מוסיפים פחות נקודות.`,"why.index":`הציון הוא מדד יחסי בין 0 ל-100, לא הסתברות: אף אחד לא יכול לחזות התכווצות.`,not_medical_advice:`מידע כללי, לא ייעוץ רפואי.`,see_professional:`לאחרונה היו התכווצויות תכופות. כדאי לפנות לאיש מקצוע בתחום הבריאות, במיוחד כשהן חזקות, מלוות בנפיחות, אדמומיות, חולשה או נימול, מפריעות לשינה או התחילו עם תרופה חדשה.`,"editor.person":`אדם`,"editor.no_people":`עדיין לא הוגדר אדם ב-Cramp Guard. אפשר להוסיף אחד בהגדרות > מכשירים ושירותים.`}};Object.keys(U);var Pe=new Set([`he`]);function W(e){let t=e?.locale?.language||e?.language||`en`,n=t.toLowerCase().split(/[-_]/)[0];return U[n]?{tag:t,base:n}:{tag:t,base:`en`}}function Fe(e){return Pe.has(e)}function Ie(e){let t=U[e]??H;return(e,n)=>{let r=t[e]??H[e]??``;return n?r.replace(/\{(\w+)\}/g,(e,t)=>t in n?String(n[t]):e):r}}function G(e,t){try{return new Intl.NumberFormat(e,t)}catch{return new Intl.NumberFormat(`en`,t)}}function K(e){return typeof e==`number`&&Number.isFinite(e)}var q,Le=`cramp-guard-card-editor`,Re=[{name:`config_entry_id`,selector:{config_entry:{integration:`cramp_guard`}}}],ze=class extends R{constructor(){super(),this._loadingPeople=!1,this._computeLabel=e=>e.name===`config_entry_id`?this._t()(`editor.person`):e.name,this._haForm=!!customElements.get(`ha-form`),this._haForm||customElements.whenDefined(`ha-form`).then(()=>this._haForm=!0)}setConfig(e){this._config=e}_t(){return Ie(W(this.hass).base)}render(){if(!this.hass||!this._config)return j;if(this._haForm)return O`<ha-form
        .hass=${this.hass}
        .data=${this._config}
        .schema=${Re}
        .computeLabel=${this._computeLabel}
        @value-changed=${this._formChanged}
      ></ha-form>`;this._loadPeople();let e=this._t();if(this._people&&this._people.length===0)return O`<p>${e(`editor.no_people`)}</p>`;let t=this._config.config_entry_id??``;return O`<label dir=${W(this.hass).base===`he`?`rtl`:`ltr`}>
      ${e(`editor.person`)}
      <select @change=${this._selectChanged}>
        ${t&&!this._people?.some(e=>e.config_entry_id===t)?O`<option value=${t} selected>${t}</option>`:j}
        ${t?j:O`<option value="" selected></option>`}
        ${(this._people??[]).map(e=>O`<option value=${e.config_entry_id} ?selected=${e.config_entry_id===t}>
              ${e.name}
            </option>`)}
      </select>
    </label>`}_loadPeople(){this._people||this._loadingPeople||!this.hass||(this._loadingPeople=!0,this.hass.callWS({type:`cramp_guard/people`}).then(e=>this._people=e?.people??[],()=>this._people=[]).finally(()=>this._loadingPeople=!1))}_formChanged(e){e.stopPropagation(),this._update({...this._config,...e.detail.value})}_selectChanged(e){let t=e.target.value;this._update({...this._config,config_entry_id:t})}_update(e){this._config=e,this.dispatchEvent(new CustomEvent(`config-changed`,{detail:{config:e},bubbles:!0,composed:!0}))}};q=ze,q.properties={hass:{attribute:!1},_config:{state:!0},_people:{state:!0},_haForm:{state:!0}},q.styles=o`
    :host {
      display: block;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    select {
      font: inherit;
      padding: 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color, transparent);
      border: 1px solid var(--divider-color, #ccc);
      border-radius: 4px;
    }
  `,V(Le,ze);var Be=[`low`,`moderate`,`high`,`very_high`],Ve={low:0,moderate:25,high:50,very_high:75},He={low:25,moderate:50,high:75,very_high:100},J=60,Y=58,X=46;function Ue(e){return e>=75?`very_high`:e>=50?`high`:e>=25?`moderate`:`low`}function We(e){return Math.min(100,Math.max(0,e))}function Z(e,t){let n=Math.PI*(1-We(e)/100);return[+(J+t*Math.cos(n)).toFixed(2),+(Y-t*Math.sin(n)).toFixed(2)]}function Ge(e,t){let[n,r]=Z(e,X),[i,a]=Z(t,X);return`M ${n} ${r} A ${X} ${X} 0 0 1 ${i} ${a}`}function Ke(e){let t=.8,n=Be.map(e=>k`<path class="band band-${e}" d=${Ge(Ve[e]+(e===`low`?0:t),He[e]-(e===`very_high`?0:t))}></path>`),r=k``;if(e!==null){let[t,n]=Z(e,34);r=k`<line class="needle" x1=${J} y1=${Y} x2=${t} y2=${n}></line>
      <circle class="hub" cx=${J} cy=${Y} r="4"></circle>`}return k`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${n}${r}
  </svg>`}function qe(e,t,n,r,i){let a=G(r,{maximumFractionDigits:0}),o=t?e.score:null,s=o===null?null:e.level??Ue(o),c=s?n(`level.${s}`):``;return O`<div class="gauge-col ${t?``:`unavailable`}">
          <button
            class="gauge"
            aria-label=${o===null?n(`gauge_label_unavailable`):n(`gauge_label`,{score:a.format(o),level:c})}
            @click=${i}
          >
            ${Ke(o)}
          </button>
          ${o===null?O`<div class="no-readings">${n(`no_readings`)}</div>
                <div class="hint">${n(`no_readings_hint`)}</div>`:O`<div class="score" dir="ltr">
                  ${a.format(o)}<span class="unit">%</span>
                </div>
                <div class="level">${c}</div>`}
          ${Je(e,n)}
        </div>`}function Je(e,t){if(!e.confidence_level)return j;let n=t(`confidence.${e.confidence_level}`),r=e.history_days??{known:0,needed:3},i=(e.confidence_hints??[]).map(e=>t(`hint.${e}`,r)).find(e=>e);return O`<div class="confidence">${t(`confidence_line`,{confidence:i?t(`confidence_with_hint`,{level:n,hint:i}):n})}</div>`}function Ye(e,t,n){let r=G(n,{maximumFractionDigits:0}),i=e.score,a=Math.max(i,1),o=e=>O`<div class="track"><div class="fill" style="width:${Math.min(100,e/a*100).toFixed(1)}%"></div></div>`,s=e=>O`<span class="pts" dir="ltr">+${r.format(e)}</span>`,c=(e.points??[]).filter(e=>e.available&&K(e.points)&&e.points>0),l=K(e.history_points)&&e.history_points>0?e.history_points:0,u=K(e.multiplier)?G(n,{minimumFractionDigits:1,maximumFractionDigits:2}).format(e.multiplier):``;return O`<div class="factors">
      <div class="section-title">${t(`factors`)}</div>
      ${c.length===0&&!l?O`<div class="hint">${t(`no_factors`)}</div>`:j}
      ${c.map(e=>O`<div class="row factor factor-${e.key}" data-points=${e.points}>
          <span class="label">${t(`factor.${e.key}`)||e.key.replace(/_/g,` `)}</span>
          ${o(e.points)} ${s(e.points)}
        </div>`)}
      ${l?O`<div class="row history" data-points=${l}>
            <span class="label"
              >${t(`history.${e.history??`other`}`)}${u?O` <bdi dir="ltr">×${u}</bdi>`:j}</span
            >
            ${o(l)} ${s(l)}
          </div>`:j}
      <div class="row total" data-points=${i}>
        <span class="label">${t(`total`)}</span><span></span>
        <span class="pts" dir="ltr">${r.format(i)}</span>
      </div>
    </div>`}function Xe(e,t,n){let r=(e.confidence_hints??[]).includes(`no_workload_history`),i=(e.points??[]).filter(e=>!e.available&&!(r&&e.key===`workload`)).map(e=>t(`source.${e.key}`)||e.key.replace(/_/g,` `));if(i.length===0)return j;let a;try{a=new Intl.ListFormat(n,{type:`conjunction`}).format(i)}catch{a=i.join(`, `)}return O`<div class="missing">${t(`not_measured`,{list:a})}</div>`}function Ze(e,t,n){let r=e.water;if(!r||!K(r.today_ml))return j;let i=G(n,{maximumFractionDigits:0}),a=i.format(r.today_ml),o=K(r.target_ml)&&r.target_ml>0?r.target_ml:null,s=o!==null&&K(r.expected_ml)?r.expected_ml:null,c=o===null?t(`water_line_no_target`,{today:a}):s===null?t(`water_line_no_pace`,{today:a,target:i.format(o)}):t(`water_line`,{today:a,target:i.format(o),expected:i.format(s)}),l=e=>Math.min(100,Math.max(0,e/o*100)).toFixed(1);return O`<div class="water">
      <div class="section-title">${t(`water`)}</div>
      ${o===null?j:O`<div class="track">
            <div class="fill" style="width:${l(r.today_ml)}%"></div>
            ${s===null?j:O`<div class="pace-marker" style="inset-inline-start:${l(s)}%"></div>`}
          </div>`}
      <div class="water-text">${c}</div>
    </div>`}function Qe(e,t,n,r){let i=e.water?.glass_ml,a=K(i)?n(`button.glass`,{ml:G(r,{maximumFractionDigits:0}).format(i)}):n(`button.glass_plain`);return O`<div class="actions">
      ${[[`glass`,e.entities?.log_water??null,a],[`stretch`,e.entities?.log_stretch??null,n(`button.stretch`)],[`cramp`,e.entities?.log_cramp??null,n(`button.cramp`)]].map(([e,r,i])=>{let a=t.pressed[e],o=a===`done`?`✓ ${n(`logged`)}`:a===`failed`?n(`log_failed`):i;return O`<button
          class="log-${e} ${a??``}"
          aria-label=${n(`button_label.${e}`)}
          title=${n(`button_label.${e}`)}
          ?disabled=${!r}
          @click=${()=>t.press(e,r)}
        >
          <span class="stack">
            <span aria-live="polite">${o}</span>
            <span class="ghost" aria-hidden="true">${i}</span>
          </span>
        </button>`})}
    </div>
    ${$e(t,n)}`}function $e(e,t){let n=e.undo;return n?O`<div class="undo" role="status" aria-live="polite">
      ${n.state===`offer`?O`<span>${t(`undo.${n.kind}`)}</span>
            <button class="undo-button" @click=${()=>e.undoLast(n.kind)}>${t(`undo`)}</button>`:O`<span>${t(n.state===`done`?`undone`:`undo_failed`)}</span>`}
    </div>`:j}function et(e,t,n,r){return O`<button
        class="why-toggle"
        aria-expanded=${t?`true`:`false`}
        @click=${()=>n(!t)}
      >
        ${r(t?`why_hide`:`why`)}
      </button>
      ${t?tt(e,r):j}`}function tt(e,t){return O`<div class="why">
      ${e.see_professional?O`<div class="professional" role="alert">${t(`see_professional`)}</div>`:j}
      <p>${t(`why.compare`)}</p>
      <p>${t(`why.strong`)}</p>
      <p>${t(`why.weak`)}</p>
      <p>${t(`why.index`)}</p>
      <p class="disclaimer">${t(`not_medical_advice`)}</p>
    </div>`}var nt=o`
  :host {
    display: block;
    --cg-low: var(--cramp-guard-low-color, var(--success-color, #43a047));
    --cg-moderate: var(--cramp-guard-moderate-color, var(--amber-color, #ffc107));
    --cg-high: var(--cramp-guard-high-color, var(--warning-color, #ffa600));
    --cg-very_high: var(--cramp-guard-very-high-color, var(--error-color, #db4437));
    --cg-level: var(--disabled-text-color, #9e9e9e);
    --cg-muted: var(--secondary-text-color, #727272);
    --cg-divider: var(--divider-color, rgba(127, 127, 127, 0.3));
    --cg-track: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
  }
  /* A card even where ha-card is not defined (tests, other dashboards). */
  ha-card:not(:defined) {
    display: block;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ha-card-border-radius, 12px);
    border: 1px solid var(--cg-divider);
  }
  ha-card {
    overflow: hidden;
    height: 100%;
  }
  .root {
    container-type: inline-size;
    padding: 16px;
    color: var(--primary-text-color);
    font-size: 14px;
    line-height: 1.4;
    box-sizing: border-box;
  }
  .root.level-low { --cg-level: var(--cg-low); }
  .root.level-moderate { --cg-level: var(--cg-moderate); }
  .root.level-high { --cg-level: var(--cg-high); }
  .root.level-very_high { --cg-level: var(--cg-very_high); }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin-block-end: 8px;
  }
  .name {
    font-size: 18px;
    font-weight: 500;
  }
  .title {
    color: var(--cg-muted);
  }
  .message {
    color: var(--cg-muted);
    padding-block: 8px;
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .gauge-col {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: 2px;
  }
  button.gauge {
    all: unset;
    cursor: pointer;
    display: block;
    width: 100%;
    max-width: 220px;
    border-radius: 8px;
  }
  button.gauge:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    direction: ltr;
  }
  .band {
    fill: none;
    stroke-width: 11;
  }
  .band-low { stroke: var(--cg-low); }
  .band-moderate { stroke: var(--cg-moderate); }
  .band-high { stroke: var(--cg-high); }
  .band-very_high { stroke: var(--cg-very_high); }
  .unavailable .band {
    opacity: 0.3;
  }
  .needle {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 3;
    stroke-linecap: round;
  }
  .hub {
    fill: var(--primary-text-color, #212121);
  }
  .score {
    font-size: 32px;
    font-weight: 500;
    line-height: 1.1;
  }
  .score .unit {
    font-size: 16px;
    color: var(--cg-muted);
    margin-inline-start: 2px;
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 500;
  }
  .level::before {
    content: "";
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--cg-level);
  }
  .no-readings {
    font-size: 18px;
    font-weight: 500;
  }
  .hint,
  .confidence,
  .missing {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .detail-col {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .section-title {
    font-weight: 500;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1.2fr) minmax(40px, 1fr) auto;
    align-items: center;
    gap: 8px;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .track {
    display: flex;
    height: 8px;
    border-radius: 4px;
    background: var(--cg-track);
    overflow: hidden;
  }
  .fill {
    background: var(--cg-level);
    border-radius: 4px;
    min-width: 3px;
  }
  .pts {
    font-variant-numeric: tabular-nums;
    text-align: end;
    min-width: 2.5em;
  }
  .row.history .label {
    font-style: italic;
  }
  .row.total {
    border-block-start: 1px solid var(--cg-divider);
    padding-block-start: 4px;
    font-weight: 500;
  }

  .water {
    margin-block-start: 14px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .water .track {
    position: relative;
    height: 10px;
    border-radius: 5px;
  }
  .water .fill {
    background: var(--info-color, #039be5);
  }
  .pace-marker {
    position: absolute;
    inset-block: -3px;
    width: 2px;
    background: var(--primary-text-color, #212121);
  }
  .water-text {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 14px;
  }
  .actions button {
    flex: 1 1 auto;
    min-height: 40px;
    padding-block: 6px;
    padding-inline: 12px;
    border-radius: 20px;
    border: 1px solid var(--cg-divider);
    background: var(--card-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  .actions button:hover:not([disabled]) {
    background: var(--cg-track);
  }
  .actions button:focus-visible,
  .why-toggle:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  /* A button keeps its size while it says "Logged": the label and its usual text
     share one cell, the usual one hidden, so the row never reflows. */
  .actions .stack {
    display: inline-grid;
  }
  .actions .stack > * {
    grid-area: 1 / 1;
  }
  .actions .ghost {
    visibility: hidden;
  }
  .actions button[disabled] {
    cursor: default;
    opacity: 0.5;
  }
  .actions button.done {
    border-color: var(--success-color, #43a047);
    color: var(--success-color, #43a047);
  }
  .actions button.failed {
    border-color: var(--error-color, #db4437);
    color: var(--error-color, #db4437);
  }

  .undo {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    color: var(--secondary-text-color);
  }
  /* Text buttons, each a finger's target: 44 px at least. */
  .undo-button,
  .why-toggle {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
    color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  .undo-button {
    padding-inline: 8px;
  }
  .undo-button:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .why-toggle {
    margin-block-start: 4px;
  }
  .why {
    margin-block-start: 8px;
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 3px solid var(--cg-divider);
    color: var(--secondary-text-color);
  }
  .why p {
    margin-block: 0 8px;
  }
  .disclaimer {
    font-style: italic;
  }
  .professional {
    margin-block: 8px;
    padding: 8px 12px;
    border-radius: 8px;
    border-inline-start: 4px solid var(--warning-color, #ffa600);
    background: rgba(255, 166, 0, 0.12);
    color: var(--primary-text-color);
    font-weight: 500;
  }

  /* Desktop widths: the gauge beside the contributions. */
  @container (min-width: 460px) {
    .main {
      flex-direction: row;
      align-items: flex-start;
      gap: 20px;
    }
    .gauge-col {
      flex: 0 0 40%;
    }
    .detail-col {
      flex: 1 1 auto;
    }
  }
`,rt=`cramp_guard/card/subscribe`,it=5e3,at=class{constructor(e){this._host=e,this.status=`loading`,this._connected=!1,this._generation=0,e.addController(this)}set hass(e){this._hass=e,this._subscribe()}set entryId(e){e!==this._entryId&&(this._entryId=e,this._drop(),this._set(`loading`,void 0),this._subscribe())}hostConnected(){this._connected=!0,this._subscribe()}hostDisconnected(){this._connected=!1,this._drop()}_set(e,t){this.status=e,this.data=t,this._host.requestUpdate()}_subscribe(){if(!this._connected||!this._hass||!this._entryId||this._subscription||this._retryTimer!==void 0)return;let e=++this._generation,t=this._hass.connection.subscribeMessage(t=>this._onEvent(e,t),{type:rt,config_entry_id:this._entryId});this._subscription=t,t.then(t=>{e===this._generation?this._unsubscribe=t:ot(t)},t=>{if(e!==this._generation)return;this._subscription=void 0;let n=t?.code;this._set(n===`not_found`||n===`not_loaded`?n:`error`,void 0),this._retry()})}_onEvent(e,t){e===this._generation&&(!t||t.loaded===!1?(this._drop(),this._set(`not_loaded`,void 0),this._retry()):this._set(`ok`,t))}_retry(){this._connected&&this._retryTimer===void 0&&(this._retryTimer=setTimeout(()=>{this._retryTimer=void 0,this._subscribe()},it))}_drop(){this._generation++,this._retryTimer!==void 0&&clearTimeout(this._retryTimer),this._retryTimer=void 0,this._unsubscribe&&ot(this._unsubscribe),this._unsubscribe=void 0,this._subscription=void 0}};async function ot(e){try{await e()}catch{}}var Q,$=`cramp-guard-card`,st=class extends R{constructor(...e){super(...e),this._subscription=new at(this),this._actions=new je(this,()=>({hass:this._hass,entryId:this._config?.config_entry_id}))}static getConfigElement(){return document.createElement(`cramp-guard-card-editor`)}static async getStubConfig(e){let t=``;try{t=(await e.callWS({type:`cramp_guard/people`}))?.people?.[0]?.config_entry_id??``}catch{}return{type:`custom:${$}`,config_entry_id:t}}setConfig(e){if(!e||typeof e.config_entry_id!=`string`||!e.config_entry_id)throw Error(`Cramp Guard card: choose a person - config_entry_id (the person's Cramp Guard entry) is missing.`);this._config=e,this._subscription.entryId=e.config_entry_id}set hass(e){let t=this._hass;this._hass=e,t&&W(t).tag===W(e).tag||this.requestUpdate(),this._subscription.hass=e}get hass(){return this._hass}getCardSize(){return 7}getGridOptions(){return{columns:12,min_columns:6,rows:`auto`}}render(){let{tag:e,base:t}=W(this._hass),n=Ie(t),{status:r,data:i}=this._subscription,a=r===`ok`?i:void 0,o=!!a&&a.available&&K(a.score);return O`<ha-card>
      <div
        class="root level-${o?a.level??Ue(a.score):`none`}"
        dir=${Fe(t)?`rtl`:`ltr`}
        lang=${t}
      >
        ${a?this._renderPerson(a,o,n,e):this._renderStatus(n)}
      </div>
    </ha-card>`}_renderStatus(e){let t=this._subscription.status,n=t===`ok`?`loading`:t;return O`<div class="header"><span class="name">${e(`title`)}</span></div>
      <div class="message status-${t}" role="status">${e(n)}</div>`}_renderPerson(e,t,n,r){return O`
      <div class="header">
        <span class="name">${e.name}</span>
        <span class="title">${n(`title`)}</span>
      </div>
      <div class="main">
        ${qe(e,t,n,r,()=>Ae(this,e.entities.cramp_risk))}
        <div class="detail-col">
          ${t?Ye(e,n,r):j}
          ${Xe(e,n,r)}
        </div>
      </div>
      ${Ze(e,n,r)} ${Qe(e,this._actions,n,r)}
      ${et(e,this._why??e.see_professional,e=>this._why=e,n)}
    `}};Q=st,Q.styles=nt,Q.properties={_config:{state:!0},_why:{state:!0}},V($,st),window.customCards=window.customCards??[],window.customCards.some(e=>e.type===`cramp-guard-card`)||window.customCards.push({type:$,name:`Cramp Guard`,description:`A person's cramp risk: what adds to it, today's water against the target, and one-tap logging.`,preview:!0,documentationURL:`https://github.com/crampguard/cramp_guard`});